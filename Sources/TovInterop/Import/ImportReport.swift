/// What an import did, record by record: how many came in new, how many updated ones already here, how
/// many were already as the file has them, which were skipped and why, and what the file held that tov
/// does not keep (alarms, to-dos, unknown properties), by count. Nothing is left out silently.
public struct ImportReport: Equatable, Sendable {
    /// Records new to the database.
    public var imported = 0
    /// Records already here that the file's newer version changed.
    public var updated = 0
    /// Records already here exactly as the file has them.
    public var unchanged = 0
    /// Records not taken, each with where it is in the file and why.
    public var skipped: [Skip] = []
    /// What the file holds that tov does not keep, by name (`VALARM`, `VTODO`, `X-FOO`), with how many.
    public var notKept: [String: Int] = [:]
    /// How things were read where the file left a choice ("floating times read in Asia/Ulaanbaatar",
    /// "TZID 'Pacific Standard Time' read as America/Los_Angeles"), each said once.
    public var notes: [String] = []

    /// A record left out of an import.
    public struct Skip: Equatable, Sendable {
        /// Its UID in an iCalendar file, or nil (a CSV row).
        public var uid: String?
        /// The line it starts on, counted from 1.
        public var line: Int
        public var reason: String

        public init(uid: String?, line: Int, reason: String) {
            self.uid = uid
            self.line = line
            self.reason = reason
        }
    }

    public init() {}

    /// Counts one more of something not kept.
    public mutating func notKeeping(_ name: String, count: Int = 1) {
        notKept[name, default: 0] += count
    }

    /// Adds a note unless it is already there.
    public mutating func note(_ text: String) {
        if !notes.contains(text) { notes.append(text) }
    }
}
