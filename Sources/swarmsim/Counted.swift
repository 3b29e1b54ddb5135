/// `count` and `noun`, plural unless the count is 1: "1 run", "8 runs", for status lines.
func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
