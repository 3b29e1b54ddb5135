/// A failure the user can fix, printed as `Error: <message>` with exit code 1 (no usage text,
/// which ArgumentParser adds only to validation errors about the command line itself).
struct CLIError: Error, CustomStringConvertible {
    let description: String

    init(_ message: String) {
        description = message
    }
}
