import Foundation
import TovCore

/// Parsing of command-line values into domain values, each failure one sentence naming the value.
enum Input {
    static func date(_ text: String) throws -> LocalDate { try LocalDate(parsing: text) }
    static func time(_ text: String) throws -> LocalTime { try LocalTime(parsing: text) }
    static func dateTime(_ text: String) throws -> LocalDateTime { try LocalDateTime(parsing: text) }
    static func zone(_ text: String) throws -> Zone { try Zone(text) }
    static func place(_ text: String) throws -> Place { try ReferenceData.shared.place(named: text) }
    static func rule(_ text: String) throws -> RecurrenceRule { try RecurrenceRule(parsing: text) }

    /// A value of one of tov's enumerations, by its command-line name.
    static func choice<T: RawRepresentable & CaseIterable>(_ text: String, _ what: String) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: text.lowercased()) else {
            let names = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("'\(text)' is not a \(what); use one of: \(names)")
        }
        return value
    }

    /// Text a user typed, stripped of control characters; nil when empty.
    static func text(_ text: String?) -> String? {
        guard let text else { return nil }
        let clean = SafeText.clean(text).trimmingCharacters(in: .whitespaces)
        return clean.isEmpty ? nil : clean
    }

    /// Required text.
    static func requiredText(_ text: String, _ what: String) throws -> String {
        guard let clean = self.text(text) else { throw ValidationError("the \(what) is empty") }
        return clean
    }
}

/// Bad input, as TovCore reports it (ArgumentParser has a type of the same name).
typealias ValidationError = TovCore.ValidationError
