/// Why a database file cannot be used. Each message names the file.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file is not a SQLite database, or is one that another program made.
    case notATovDatabase(path: String)
    /// The file was written by a newer tov.
    case newerSchema(path: String, version: Int, supported: Int)
    /// SQLite found the file damaged.
    case damaged(path: String, reason: String)
    /// A command that only reads was pointed at a file that does not exist.
    case missing(path: String)
    /// The file cannot be opened or written (permissions, a missing folder, a full disk).
    case unavailable(path: String, reason: String)

    public var description: String {
        switch self {
        case .notATovDatabase(let path):
            "\(path) is not a tov database; it was left unchanged"
        case .newerSchema(let path, let version, let supported):
            "\(path) was written by a newer tov (schema \(version); this one knows up to \(supported)); upgrade tov to open it"
        case .damaged(let path, let reason):
            "\(path) is damaged (\(reason)); it was left unchanged, restore it from a backup"
        case .missing(let path):
            "there is no tov database at \(path) yet; adding something (or `tov demo`) creates it"
        case .unavailable(let path, let reason):
            "cannot use the database \(path): \(reason)"
        }
    }
}
