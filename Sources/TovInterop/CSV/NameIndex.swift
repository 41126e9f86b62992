import Foundation
import TovCore

/// Organisations and people as a CSV names them: by name (in any case, spaces trimmed), by email, or by id
/// (a whole UUID or four or more of its first hex digits).
///
/// Import and export share it, so that what an export writes reads back as the same record: a name where it
/// names one record, the UUID where it would name several.
///
///     let index = try NameIndex(session)
///     try index.organisation("итгэл тбб")  // the organisation named "Итгэл ТББ"
///     index.reference(to: organisation)     // "Итгэл ТББ", or its UUID when two share the name
struct NameIndex {
    private(set) var organisations: [UUID: Organisation]
    private(set) var people: [UUID: Person]
    private var organisationsByName: [String: [UUID]] = [:]
    private var peopleByName: [String: [UUID]] = [:]
    private var peopleByEmail: [String: [UUID]] = [:]

    init(_ session: any ScheduleSession) throws {
        organisations = [:]
        people = [:]
        for organisation in try session.organisations() { add(organisation) }
        for person in try session.people() { add(person) }
    }

    /// A name or an email as it is compared: lowercase, spaces trimmed and single.
    static func key(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private mutating func add(_ organisation: Organisation) {
        organisations[organisation.id] = organisation
        organisationsByName[NameIndex.key(organisation.name), default: []].append(organisation.id)
    }

    private mutating func add(_ person: Person) {
        people[person.id] = person
        peopleByName[NameIndex.key(person.name), default: []].append(person.id)
        if let email = person.email { peopleByEmail[NameIndex.key(email), default: []].append(person.id) }
    }

    // MARK: - Finding records

    func organisations(named name: String) -> [Organisation] {
        (organisationsByName[NameIndex.key(name)] ?? []).compactMap { organisations[$0] }
    }

    /// People with this name, only those of `organisation` when it is given (`.some(nil)`: those of none).
    func people(named name: String, of organisation: UUID?? = nil) -> [Person] {
        (peopleByName[NameIndex.key(name)] ?? []).compactMap { people[$0] }
            .filter { person in organisation.map { person.organisationID == $0 } ?? true }
    }

    func people(withEmail email: String) -> [Person] {
        (peopleByEmail[NameIndex.key(email)] ?? []).compactMap { people[$0] }
    }

    /// The organisation a cell names: by name, else by id.
    func organisation(_ text: String) throws -> Organisation {
        let named = organisations(named: text)
        if named.count == 1 { return named[0] }
        if named.count > 1 {
            throw ValidationError("\(named.count) organisations are named '\(text)'; give the one you mean by its id")
        }
        if let organisation = try Self.record(text, in: organisations, .organisation) { return organisation }
        throw ValidationError("no organisation is named '\(text)'; import the organisations first, or leave it empty")
    }

    /// A record by its id: a whole UUID, or four or more of its first hex digits. Nil when the text is not an
    /// id or no record has it; throws when a prefix fits several.
    static func record<Record>(_ text: String, in records: [UUID: Record], _ kind: RecordKind) throws -> Record? {
        if let id = UUID(text: text) { return records[id] }
        guard let prefix = ShortID.prefix(of: text) else { return nil }
        let matches = records.filter { $0.key.lowercasedText.hasPrefix(prefix) }
        guard matches.count <= 1 else { throw ValidationError("'\(text)' matches \(matches.count) \(kind.noun) ids; type more of it") }
        return matches.first?.value
    }

    /// The organisation or person an attendance line names: by name (a person's among the people of
    /// `organisation` when it is given), else by id.
    func participant(_ text: String, organisation: String?) throws -> Assignment.Holder {
        if let organisation {
            let employer = try self.organisation(organisation)
            let named = people(named: text, of: .some(employer.id))
            if named.count == 1 { return .person(named[0].id) }
            if named.count > 1 {
                throw ValidationError("\(named.count) people at '\(organisation)' are named '\(text)'; give the one you mean by its id")
            }
            if let person = try Self.record(text, in: people, .person) { return .person(person.id) }
            throw ValidationError("nobody at '\(organisation)' is named '\(text)'")
        }
        let named = organisations(named: text).map { Assignment.Holder.organisation($0.id) } + people(named: text).map { .person($0.id) }
        if named.count == 1 { return named[0] }
        if named.count > 1 {
            throw ValidationError("'\(text)' names \(named.count) organisations and people; give the Organisation column, or an id")
        }
        if let organisation = try Self.record(text, in: organisations, .organisation) { return .organisation(organisation.id) }
        if let person = try Self.record(text, in: people, .person) { return .person(person.id) }
        throw ValidationError("no organisation or person is named '\(text)'")
    }

    // MARK: - Writing references

    /// How a file names an organisation: its name, or its UUID when the name is not its own alone.
    func reference(to organisation: Organisation) -> String {
        organisations(named: organisation.name).count == 1 ? organisation.name : organisation.id.lowercasedText
    }

    /// How an attendance line names a participant, and a person's organisation, so that `participant(_:organisation:)`
    /// reads them back.
    func reference(to holder: Assignment.Holder) -> (participant: String, organisation: String) {
        switch holder {
        case .organisation(let id):
            guard let organisation = organisations[id] else { return (id.lowercasedText, "") }
            let unique = organisations(named: organisation.name).count + people(named: organisation.name).count == 1
            return (unique ? organisation.name : id.lowercasedText, "")
        case .person(let id):
            guard let person = people[id] else { return (id.lowercasedText, "") }
            guard let employer = person.organisationID.flatMap({ organisations[$0] }) else {
                let unique = organisations(named: person.name).count + people(named: person.name).count == 1
                return (unique ? person.name : id.lowercasedText, "")
            }
            let unique = people(named: person.name, of: .some(employer.id)).count == 1
            return (unique ? person.name : id.lowercasedText, reference(to: employer))
        }
    }
}
