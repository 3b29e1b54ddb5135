extension RunPlan {
    /// The default output folder of the plan, under `results/`: the scenario's folder name, and
    /// when the plan differs from the file (settings, or only some variants) a folder inside it
    /// named by what differs, as OMNeT++ names runs `${configname}-${iterationvars}`:
    /// `flat-vs-hierarchy/locks.lease_hours=0.5`. So a shell loop over a setting keeps every
    /// experiment, and running the file as written still writes `results/flat-vs-hierarchy/`.
    /// A run filter's conditions follow as `where.PATH=VALUE` and its replicate as `replicate=N`
    /// (`flat-vs-hierarchy/variant=flat-lock,where.agents.count=20,replicate=3`), so a filtered
    /// run never writes over the whole plan's folder, nor over a plan `--set` narrowed to that value.
    public var folderName: String {
        let differences = scenario.settings.map { ($0.dottedPath, $0.value.plainText) }.sorted { $0.0 < $1.0 }
            + (selectedVariants.count < scenario.variants.count ? [("variant", selectedVariants.joined(separator: "+"))] : [])
            + runFilter.conditions.map { ("where." + $0.dottedPath, $0.value.plainText) }
            + (runFilter.replicate.map { [("replicate", String($0))] } ?? [])
        guard !differences.isEmpty else { return scenario.folderName }
        return scenario.folderName + "/" + RunPlan.settingsFolderName(differences.map { "\($0)=\($1)" }.joined(separator: ","))
    }

    /// `text` made safe as one folder name: JSON's brackets, braces and quotes dropped, any other
    /// character outside [A-Za-z0-9._=,+-] made `-` (`{"exponential":{"mean":1}}` reads
    /// `exponential-mean-1`, `[10,20]` reads `10,20`), and a name too long for a file system keeps
    /// its first 100 characters and a digest of the whole, so it stays unique.
    static func settingsFolderName(_ text: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._=,+-".unicodeScalars)
        let dropped = Set("[]{}\"".unicodeScalars)
        var safe = String(text.unicodeScalars.filter { !dropped.contains($0) }.map { allowed.contains($0) ? Character($0) : "-" })
        if safe.hasPrefix(".") { safe = "-" + safe.dropFirst() }
        guard safe.count > 120 else { return safe }
        return safe.prefix(100) + "-" + SHA256.hex(text.utf8).prefix(12)
    }
}
