import Foundation

/// Runs `script` (a path under scripts/) with bash, in `directory`, with `environment` added.
func runScript(_ script: String, _ arguments: [String], in directory: URL,
                       environment: [String: String] = [:]) throws -> BuiltBinary.Output {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["bash", RepositoryFiles.root.appendingPathComponent(script).path] + arguments
    process.currentDirectoryURL = directory
    process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SLURM_") }.merging(environment) { $1 }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return BuiltBinary.Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                              stderr: String(decoding: errData, as: UTF8.self))
}
