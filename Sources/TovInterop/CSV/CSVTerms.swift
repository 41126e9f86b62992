import Foundation
import TovCore

/// The values of CSV lists as people type them in a spreadsheet, and as tov writes them.
///
/// Kinds and statuses are read in Mongolian or English, as `Vocabulary` names them (`ТББ`, `NGO`,
/// `оролцсон`), by their command-line names (`state-agency`), or spelled out (`Төрийн бус байгууллага`).
///
///     try CSVTerms.kind("төрийн бус байгууллага") // .ngo
///     try CSVTerms.status("Attended")             // .attended
enum CSVTerms {
    /// A header or a term as it is compared: lowercase, every run of spaces and punctuation one space.
    static func key(_ text: String) -> String {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.joined(separator: " ")
    }

    // MARK: - Kinds and statuses

    /// A kind of organisation.
    static func kind(_ text: String) throws -> Organisation.Kind {
        try term(text, spelledOut: [
            "төрийн бус байгууллага": .ngo, "non governmental organisation": .ngo, "non governmental organization": .ngo,
            "иргэний нийгмийн байгууллага": .cso, "civil society organisation": .cso, "civil society organization": .cso,
            "засаг даргын тамгын газар": .localAdministration, "local government": .localAdministration,
            "хэвлэл мэдээллийн байгууллага": .media, "олон нийтийн бүлэг": .citizenGroup,
        ], what: "kind of organisation", name: Vocabulary.name(of:in:))
    }

    /// Where a participant stands on an event's list.
    static func status(_ text: String) throws -> Participation.Status {
        try term(text, spelledOut: ["уригдсан": .invited, "бүртгэгдсэн": .registered, "ирсэн": .attended, "оролцоогүй": .absent],
                 what: "participation status", name: Vocabulary.name(of:in:))
    }

    private static func term<T: RawRepresentable & CaseIterable & Hashable>(
        _ text: String, spelledOut: [String: T], what: String, name: (T, Language) -> String
    ) throws -> T where T.RawValue == String {
        let wanted = key(text)
        for value in T.allCases where [value.rawValue, name(value, .mn), name(value, .en)].contains(where: { key($0) == wanted }) {
            return value
        }
        if let value = spelledOut[wanted] { return value }
        let names = T.allCases.map { "\(name($0, .mn)) (\(name($0, .en)))" }.joined(separator: ", ")
        throw ValidationError("'\(text)' is not a \(what); use one of: \(names)")
    }

    // MARK: - Places

    /// An aimag or district by code or name, in either language, perhaps followed by its kind (`Ховд аймаг`).
    static func place(_ text: String) throws -> Place {
        try ReferenceData.shared.place(named: text)
    }

    /// A place as an export writes it: its name in `language`, followed by its kind when another place has
    /// the same name (Sükhbaatar is an aimag and a district of the capital), so that it reads back as itself.
    static func placeName(_ code: String, in language: Language) -> String {
        guard let place = ReferenceData.shared.place(code: code) else { return code }
        let name = place.name(in: language)
        guard (try? ReferenceData.shared.place(named: name)) == nil else { return name }
        let kind = switch place.kind {
        case .aimag: language.pick("аймаг", "aimag")
        case .capitalDistrict: language.pick("дүүрэг", "district")
        }
        return name + " " + kind
    }

    // MARK: - Order, dates and addresses

    /// Records in Mongolian alphabetical order of their names, and by id when two share a name, so that an
    /// export comes out the same every time.
    static func precedes(_ a: (name: String, id: UUID), _ b: (name: String, id: UUID)) -> Bool {
        a.name == b.name ? a.id.uuidString < b.id.uuidString : MongolianOrder.precedes(a.name, b.name)
    }


    /// A date as a spreadsheet may have rewritten it (`2027.1.21`, `2027/01/21`) as `YYYY-MM-DD`; a start
    /// with a time (`YYYY-MM-DDTHH:MM:SS`) stays as it is.
    static func date(_ text: String) -> String {
        let parts = text.split { $0 == "-" || $0 == "." || $0 == "/" }
        guard parts.count == 3, parts[0].count == 4, parts.allSatisfy({ $0.allSatisfy(\.isNumber) && $0.count <= 4 }) else { return text }
        return String(parts[0]) + "-" + parts[1...].map { $0.count == 1 ? "0" + $0 : String($0) }.joined(separator: "-")
    }

    /// An email address, refused when it is plainly something else (a phone number in the wrong column).
    static func email(_ text: String) throws -> String {
        guard text.contains("@"), !text.contains(where: \.isWhitespace) else {
            throw ValidationError("'\(text)' is not an email address")
        }
        return text
    }
}
