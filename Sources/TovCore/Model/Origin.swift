import Foundation

/// Where an imported event or series came from: the UID another calendar gave it, and which version of it
/// was imported (SEQUENCE, LAST-MODIFIED), so that importing the same file again changes nothing and a
/// newer version of an event updates it.
///
/// tov's own records need none: their UID is their UUID.
public struct Origin: Hashable, Sendable {
    /// The event or series.
    public var recordID: UUID
    /// The UID as the file wrote it (`abc123@google.com`).
    public var uid: String
    /// SEQUENCE of the version imported; 0 when the file gave none.
    public var sequence: Int
    /// LAST-MODIFIED of the version imported, when the file gave it.
    public var lastModified: Date?

    public init(recordID: UUID, uid: String, sequence: Int = 0, lastModified: Date? = nil) {
        self.recordID = recordID
        self.uid = uid
        self.sequence = sequence
        self.lastModified = lastModified
    }
}
