import Foundation

/// Runs the `swarmsim` executable that `swift test` built beside the test bundle, so tests can
/// compare what separate processes print (Swift seeds hashing per process).
enum BuiltBinary {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
        /// True when a signal ended the process (a trap is SIGILL or SIGTRAP): `status` is then
        /// the signal's number, not an exit code.
        var signalled = false
    }

    static var url: URL {
        let testBinary = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        var directory = testBinary.deletingLastPathComponent()
        // On macOS the tests run inside a .xctest bundle: step out to the products directory.
        while directory.path.contains(".xctest") {
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("swarmsim")
    }

    /// A `swarmsim` process that has been started and not yet waited for, so a test can signal it.
    struct Running {
        let process: Process
        private let out: Pipe
        private let err: Pipe

        fileprivate init(_ arguments: [String], in directory: URL?, environment: [String: String]?) throws {
            process = Process()
            process.executableURL = BuiltBinary.url
            process.arguments = arguments
            if let directory { process.currentDirectoryURL = directory }
            if let environment { process.environment = environment }
            out = Pipe()
            err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
        }

        /// Waits until `ready` holds (for 60 s at the most, and no longer than the process runs),
        /// then `settle` seconds more, kills the process outright (SIGKILL) and returns what it
        /// printed: how a test stops a command part-way, as a crash or an out-of-memory kill would.
        func killOutright(once ready: () throws -> Bool, settle: TimeInterval) rethrows -> Output {
            let deadline = Date().addingTimeInterval(60)
            while try !ready() && Date() < deadline && process.isRunning {
                Thread.sleep(forTimeInterval: 0.02)
            }
            Thread.sleep(forTimeInterval: settle)
            kill(process.processIdentifier, SIGKILL)
            return wait()
        }

        /// Waits for the process to end and returns what it printed.
        func wait() -> Output {
            // Read both pipes before waiting, so a chatty child cannot fill a pipe and block.
            let outData = out.fileHandleForReading.readDataToEndOfFile()
            let errData = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Output(
                status: process.terminationStatus,
                stdout: String(decoding: outData, as: UTF8.self),
                stderr: String(decoding: errData, as: UTF8.self),
                signalled: process.terminationReason == .uncaughtSignal
            )
        }
    }

    /// Starts `swarmsim` with `arguments` in `directory`, with `environment` as its whole environment
    /// (this process's when nil).
    static func start(_ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil) throws -> Running {
        try Running(arguments, in: directory, environment: environment)
    }

    /// Runs `swarmsim` with `arguments` in `directory` (and `environment`, as for `start`) and waits for it.
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil) throws -> Output {
        try start(arguments, in: directory, environment: environment).wait()
    }
}
