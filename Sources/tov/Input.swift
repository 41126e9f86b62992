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

/// A file a command reads whole (`tov import FILE`).
enum InputFile {
    /// The bytes of `path`; a file that is missing or cannot be read is bad input, named in one sentence
    /// with the system's reason.
    static func read(_ path: String) throws -> [UInt8] {
        guard !path.isEmpty else { throw ValidationError("the file name is empty") }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw ValidationError("'\(path)' is a folder, not a file")
        }
        guard let file = fopen(path, "rb") else {
            throw ValidationError("cannot read '\(path)': \(String(cString: strerror(errno)))")
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBufferPointer { fread($0.baseAddress, 1, $0.count, file) }
            if count > 0 { bytes.append(contentsOf: chunk[..<count]) }
            if count < chunk.count { break }
        }
        guard ferror(file) == 0 else {
            throw ValidationError("cannot read '\(path)': \(String(cString: strerror(errno)))")
        }
        return bytes
    }
}
