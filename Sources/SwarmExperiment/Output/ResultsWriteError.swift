/// The result files of a plan could not be written into `folder` (a full disk, no permission, a
/// file where the folder should be); the folder's earlier results are as they were.
public struct ResultsWriteError: Error, Sendable, CustomStringConvertible {
    /// The folder, as given.
    public let folder: String
    /// What the file system said.
    public let reason: String

    public init(folder: String, reason: String) {
        self.folder = folder
        self.reason = reason
    }

    public var description: String {
        "\(folder): cannot write the results: \(reason)"
    }
}
