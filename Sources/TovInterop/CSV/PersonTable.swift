import Foundation
import TovCore

/// People in a CSV list: ID, Name, Organisation, Title, Phone, Email, Expertise.
///
/// The organisation is named as it is here (by name or id): import the organisations first. A row is the
/// person with its ID when the ID column has one (a whole UUID not here yet makes a new person with it),
/// else the person with its email, else the person of the same name at the same organisation, else a new
/// one. A column the file lacks leaves that field as it is; an empty value clears it.
///
///     let report = try PersonTable.read(records, under: header, in: session, saving: true)
enum PersonTable {
    /// Checks every row, then (when `saving`) saves them all; throws every bad row, having saved nothing.
    static func read(_ records: some Sequence<CSVRecord>, under header: CSVHeader, in session: any ScheduleSession, saving: Bool) throws -> ImportReport {
        let index = try NameIndex(session)
        var lineOfRecord: [UUID: Int] = [:], lineOfEmail: [String: Int] = [:]
        // Rows without an id, by name and organisation: two of them are one person unless their emails differ.
        var lineOfNameAt: [String: (line: Int, email: String?)] = [:]
        let changes = try header.rows(records) { row -> (record: Person, existing: Person?) in
            let name = try row.required(.name, "name")
            let organisation: UUID?? = row.has(.organisation) ? .some(try row.text(.organisation).map { try index.organisation($0).id }) : nil
            let email = try row.text(.email).map(CSVTerms.email)
            let nameAt = NameIndex.key(name) + "\n" + (organisation.flatMap { $0?.lowercasedText } ?? "")
            if let email, let earlier = lineOfEmail[NameIndex.key(email)] {
                throw ValidationError("the email \(email) is already on line \(earlier)")
            }
            if row.text(.id) == nil, let earlier = lineOfNameAt[nameAt], earlier.email == nil || email == nil || earlier.email == email {
                throw ValidationError("'\(name)' is already on line \(earlier.line); give each an email or an ID to tell them apart")
            }
            let existing = try match(row, name: name, email: email, organisation: organisation, in: index)
            var person = existing ?? Person(id: row.text(.id).flatMap { UUID(text: $0) } ?? UUID(), name: name)
            if let earlier = lineOfRecord[person.id] {
                throw ValidationError("this is the same person as line \(earlier)")
            }
            person.name = name
            if let organisation { person.organisationID = organisation }
            if row.has(.title) { person.title = row.text(.title) }
            if row.has(.phone) { person.phone = row.text(.phone) }
            if row.has(.email) { person.email = email }
            if row.has(.expertise) { person.expertise = row.text(.expertise) }
            lineOfRecord[person.id] = row.line
            if let email { lineOfEmail[NameIndex.key(email)] = row.line }
            if row.text(.id) == nil { lineOfNameAt[nameAt] = (row.line, email) }
            return (person, existing)
        }
        return try .records(changes, save: saving ? { try session.save($0) } : nil)
    }

    /// The person a row is about: by ID, else by email, else by name at the organisation (by name alone when
    /// the file has no Organisation column); nil for a new one.
    private static func match(_ row: CSVRow, name: String, email: String?, organisation: UUID??, in index: NameIndex) throws -> Person? {
        if let id = row.text(.id) {
            if let found = try NameIndex.record(id, in: index.people, .person) { return found }
            guard UUID(text: id) != nil else { throw ValidationError("no person has the id '\(id)'") }
            return nil
        }
        if let email {
            let found = index.people(withEmail: email)
            guard found.count <= 1 else {
                throw ValidationError("\(found.count) people have the email \(email) here; add the ID column to say which")
            }
            if let person = found.first { return person }
        }
        let named = index.people(named: name, of: organisation)
        guard named.count <= 1 else {
            let at = organisation == nil ? "" : " at this organisation"
            throw ValidationError("\(named.count) people are named '\(name)'\(at) here; add the ID or Email column to say which")
        }
        return named.first
    }

    /// Every person, in Mongolian alphabetical order, with the headers of `language`.
    static func write(from session: any ScheduleSession, in language: Language) throws -> CSV {
        let index = try NameIndex(session)
        let table = CSVTable.people
        var csv = CSV(header: table.columns.map { table.header($0, in: language) })
        for person in index.people.values.sorted(by: { CSVTerms.precedes(($0.name, $0.id), ($1.name, $1.id)) }) {
            let organisation = person.organisationID.flatMap { index.organisations[$0] }.map(index.reference(to:))
            csv.append([
                person.id.lowercasedText, person.name, organisation ?? "", person.title ?? "", person.phone ?? "",
                person.email ?? "", person.expertise ?? "",
            ])
        }
        return csv
    }
}
