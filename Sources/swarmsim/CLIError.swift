/// A failure the CLI itself finds in what the user asked (a malformed `--shard`, a scenario with
/// nothing to check), printed as `Error: <message>` with exit code 1 (no usage text, which
/// ArgumentParser adds only to validation errors about the command line itself). Library errors
/// are not wrapped in it: they reach `ErrorReport` as they are.
struct CLIError: Error, CustomStringConvertible {
    let description: String

    init(_ message: String) {
        description = message
    }
}
