import Foundation

/// A file that appears complete or not at all. Text goes to a hidden temporary file beside the
/// destination (`.NAME.PID.tmp`, so it is on the same file system and concurrent processes do not
/// collide); `commit()` renames it over the destination in one step. A run that fails or is
/// discarded removes the temporary file and leaves any earlier file untouched.
///
/// Writes are buffered. `TextOutputStream.write` cannot throw, so the first write error is kept
/// and thrown by `commit()`.
public final class AtomicFile: TextOutputStream {
    public let destination: URL
    /// The temporary file being written.
    public let temporary: URL
    private var handle: FileHandle?
    private var buffer: [UInt8] = []
    private var firstError: Error?
    private var committed = false
    private static let bufferLimit = 1 << 20

    /// Opens a temporary file for `destination`, whose directory must exist. Temporary files that
    /// a killed process (SIGKILL, a crash) left for the same destination are removed first.
    public init(destination: URL) throws {
        self.destination = destination
        AtomicFile.removeOrphans(of: destination)
        let name = ".\(destination.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp"
        temporary = destination.deletingLastPathComponent().appendingPathComponent(name)
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            // The system's reason (Permission denied, Read-only file system), with the path.
            throw NSError(domain: NSPOSIXErrorDomain, code: Int(errno), userInfo: [NSFilePathErrorKey: temporary.path])
        }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    deinit {
        discard()
    }

    /// Removes `.NAME.PID.tmp` files beside `destination` whose process no longer exists.
    private static func removeOrphans(of destination: URL) {
        let directory = destination.deletingLastPathComponent()
        let prefix = ".\(destination.lastPathComponent)."
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            guard let pid = Int32(name.dropFirst(prefix.count).dropLast(".tmp".count)) else { continue }
            // kill(pid, 0) fails with ESRCH only when no such process exists.
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
            }
        }
    }

    /// Appends `string` (UTF-8) to the temporary file.
    public func write(_ string: String) {
        buffer.append(contentsOf: string.utf8)
        if buffer.count >= AtomicFile.bufferLimit { flush() }
    }

    /// Writes the buffer out, keeping the first error for `commit()`.
    private func flush() {
        guard let handle, firstError == nil, !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            firstError = error
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Finishes the temporary file and renames it over the destination.
    public func commit() throws {
        try finish()
        try moveIntoPlace()
    }

    /// Writes out and closes the temporary file, throwing the first write error (the file is then
    /// discarded). A result commit (`ResultsCommit`) finishes every file before renaming any.
    func finish() throws {
        flush()
        try handle?.close()
        handle = nil
        if let firstError {
            discard()
            throw firstError
        }
    }

    /// Renames the finished temporary file over the destination.
    func moveIntoPlace() throws {
        guard rename(temporary.path, destination.path) == 0 else {
            let code = errno
            discard()
            throw CocoaError(.fileWriteUnknown, userInfo: [
                NSFilePathErrorKey: destination.path,
                NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(code)),
            ])
        }
        committed = true
    }

    /// Removes the temporary file (nothing when already committed).
    public func discard() {
        guard !committed else { return }
        try? handle?.close()
        handle = nil
        buffer.removeAll()
        try? FileManager.default.removeItem(at: temporary)
    }
}
