import Foundation
import Testing
@testable import TovCore

@Suite struct JSONValueTests {
    private func parse(_ text: String) throws -> JSONValue {
        try JSONValue.parse(Array(text.utf8))
    }

    @Test func readsEveryKindOfValue() throws {
        let value = try parse(#" { "a": [1, -2.5e3, true, false, null], "b": {"c": "d"}, "e": [] , "f": {} } "#)
        #expect(value == .object([
            "a": .array([.number(1), .number(-2500), .bool(true), .bool(false), .null]),
            "b": .object(["c": .string("d")]), "e": .array([]), "f": .object([:]),
        ]))
    }

    @Test func readsEscapesAndCyrillic() throws {
        let value = try parse(#"["Ховд \"аймаг\"\n\t\\\/", "\u0416\ud83d\ude00"]"#)
        #expect(value == .array([.string("Ховд \"аймаг\"\n\t\\/"), .string("Ж😀")]))
    }

    @Test(arguments: [
        "", "[", "[1,]", "{\"a\" 1}", "{\"a\":1,}", "01", "1.", "-", "tru", "[1] 2", "\"a", "\"\u{01}\"",
        "\"\\x\"", "\"\\ud800\"", "\"\\u12\"", "{1:2}", "nul",
    ])
    func refusesWhatIsNotJSON(_ text: String) {
        #expect(throws: ValidationError.self) { try parse(text) }
    }

    @Test func refusesInvalidUTF8() {
        #expect(throws: ValidationError.self) { try JSONValue.parse([0x22, 0xFF, 0x22]) }
    }

    @Test func refusesNestingBeyondAnyReferenceFile() {
        #expect(throws: ValidationError.self) { try parse(String(repeating: "[", count: 1000)) }
    }

    /// The embedded files read the same as Foundation reads them.
    @Test(arguments: ["aimags.json", "holidays.json", "topics.json", "demo.json"])
    func agreesWithFoundationOnTheEmbeddedFiles(_ name: String) throws {
        let data = try EmbeddedFile.data(named: name)
        let ours = try JSONValue.parse(Array(data))
        let foundation = try JSONSerialization.jsonObject(with: data)
        #expect(ours == JSONValueTests.value(foundation))
    }

    private static func value(_ object: Any) -> JSONValue {
        switch object {
        case let dictionary as [String: Any]: return .object(dictionary.mapValues(value))
        case let array as [Any]: return .array(array.map(value))
        case let string as String: return .string(string)
        case let number as NSNumber:
            if String(cString: number.objCType) == "c" { return .bool(number.boolValue) }
            return .number(number.doubleValue)
        default: return .null
        }
    }
}
