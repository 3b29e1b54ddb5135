import Foundation

/// A file system failure in plain words. Foundation's errors describe themselves as "(NSCocoaErrorDomain
/// error 512.)" on Linux; a user needs the path and the system's reason ("Permission denied",
/// "Read-only file system"), which is what this says.
public enum SystemErrorText {
    /// `error` as "PATH: REASON" when it names a path, or REASON: the POSIX reason (strerror) when
    /// the error carries one, else a phrase for Foundation's file error codes, else its own text.
    public static func plain(_ error: any Error) -> String {
        let error = error as NSError
        let path = (error.userInfo[NSFilePathErrorKey] as? String) ?? (error.userInfo[NSURLErrorKey] as? URL)?.path
        let reason = posixReason(error) ?? cocoaReason(error) ?? error.localizedDescription
        return path.map { "\($0): \(reason)" } ?? reason
    }

    /// The system's words for POSIX error `code` ("No such file or directory").
    public static func posix(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// The POSIX reason of `error` or of the error under it, if either is one.
    public static func posixReason(_ error: NSError) -> String? {
        if error.domain == NSPOSIXErrorDomain { return posix(Int32(error.code)) }
        let underlying = (error.userInfo[NSUnderlyingErrorKey] as? any Error).map { $0 as NSError }
        return underlying.flatMap(posixReason)
    }

    /// A phrase for the Foundation file error codes a results folder meets.
    private static func cocoaReason(_ error: NSError) -> String? {
        guard error.domain == NSCocoaErrorDomain else { return nil }
        switch CocoaError.Code(rawValue: error.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return posix(ENOENT)
        case .fileWriteNoPermission, .fileReadNoPermission: return posix(EACCES)
        case .fileWriteVolumeReadOnly: return posix(EROFS)
        case .fileWriteOutOfSpace: return posix(ENOSPC)
        case .fileWriteFileExists: return posix(EEXIST)
        case .fileWriteInvalidFileName, .fileReadInvalidFileName: return "not a name the file system accepts"
        default: return nil
        }
    }
}
