import Foundation

/// The short form of a record id that users read and type: the first eight hex digits.
///
///     ShortID.of(id)                                   // "3f9a12c0"
///     try ShortID.resolve("3f9a", .event, in: session)  // the full UUID
public enum ShortID {
    /// Length of the displayed prefix.
    public static let length = 8

    /// The short form of an id.
    public static func of(_ id: UUID) -> String {
        var text = [UInt8]()
        text.reserveCapacity(length)
        id.appendLowercasedText(to: &text, length: length)
        return String(decoding: text, as: UTF8.self)
    }

    /// `text` lowercased when it can be the start of an id: four or more hex digits (and dashes), short
    /// of a whole UUID. Nil for anything else, such as a name.
    public static func prefix(of text: String) -> String? {
        let prefix = text.lowercased()
        guard prefix.count >= 4, prefix.count < 36, prefix.allSatisfy({ $0.isHexDigit || $0 == "-" }) else { return nil }
        return prefix
    }

    /// The one live record of `kind` whose id starts with `text` (at least four hex digits, or a whole UUID).
    public static func resolve(_ text: String, _ kind: RecordKind, in session: any ScheduleSession) throws -> UUID {
        let prefix = text.lowercased()
        guard prefix.allSatisfy({ $0.isHexDigit || $0 == "-" }) else {
            throw ValidationError("'\(text)' is not \(kind.article) \(kind.noun) id; ids are hex digits such as 3f9a12c0")
        }
        guard prefix.count >= 4 else {
            throw ValidationError("'\(text)' is too short for \(kind.article) \(kind.noun) id; type at least four of its digits")
        }
        let matches = try session.ids(of: kind, withPrefix: prefix)
        switch matches.count {
        case 1: return matches[0]
        case 0: throw ValidationError("no \(kind.noun) has the id '\(text)'")
        default: throw ValidationError("'\(text)' matches \(matches.count) \(kind.noun) ids; type more of it")
        }
    }
}
