import Foundation
import TovCore

/// Organisations in a CSV list: ID, Name, Kind, Aimag or district, Phone, Email.
///
/// A row is the organisation with its ID when the ID column has one (a whole UUID that is not here yet makes
/// a new organisation with it, so that records keep their ids between offices), else the organisation of
/// the same name (in any case), else a new one. A column the file lacks leaves that field as it is; an
/// empty value clears it.
///
///     let report = try OrganisationTable.read(records, under: header, in: session, saving: true)
///     let csv = try OrganisationTable.write(from: session, in: .mn)
enum OrganisationTable {
    /// Checks every row, then (when `saving`) saves them all; throws every bad row, having saved nothing.
    static func read(_ records: some Sequence<CSVRecord>, under header: CSVHeader, in session: any ScheduleSession, saving: Bool) throws -> ImportReport {
        let index = try NameIndex(session)
        var lineOfName: [String: Int] = [:], lineOfRecord: [UUID: Int] = [:]
        let changes = try header.rows(records) { row -> (record: Organisation, existing: Organisation?) in
            let name = try row.required(.name, "name")
            if let earlier = lineOfName[NameIndex.key(name)] {
                throw ValidationError("the organisation '\(name)' is already on line \(earlier)")
            }
            let kind = try CSVTerms.kind(try row.required(.kind, "kind"))
            let place = try row.text(.place).map(CSVTerms.place)
            let email = try row.text(.email).map(CSVTerms.email)
            let existing = try match(row, name: name, in: index)
            var organisation = existing ?? Organisation(id: newID(row), name: name, kind: kind)
            if let earlier = lineOfRecord[organisation.id] {
                throw ValidationError("this is the same organisation as line \(earlier)")
            }
            organisation.name = name
            organisation.kind = kind
            if row.has(.place) { organisation.placeCode = place?.code }
            if row.has(.phone) { organisation.phone = row.text(.phone) }
            if row.has(.email) { organisation.email = email }
            lineOfName[NameIndex.key(name)] = row.line
            lineOfRecord[organisation.id] = row.line
            return (organisation, existing)
        }
        return try .records(changes, save: saving ? { try session.save($0) } : nil)
    }

    /// The organisation a row is about: by its ID, else by its name; nil for a new one.
    private static func match(_ row: CSVRow, name: String, in index: NameIndex) throws -> Organisation? {
        if let id = row.text(.id) {
            guard let found = try NameIndex.record(id, in: index.organisations, .organisation) else {
                guard UUID(text: id) != nil else { throw ValidationError("no organisation has the id '\(id)'") }
                try requireNameFree(name, for: nil, in: index)
                return nil
            }
            try requireNameFree(name, for: found.id, in: index)
            return found
        }
        let named = index.organisations(named: name)
        guard named.count <= 1 else {
            throw ValidationError("\(named.count) organisations are named '\(name)' here; add the ID column to say which")
        }
        return named.first
    }

    /// Import never gives two organisations one name: a row with an ID may not take another's name.
    private static func requireNameFree(_ name: String, for id: UUID?, in index: NameIndex) throws {
        if let other = index.organisations(named: name).first(where: { $0.id != id }) {
            throw ValidationError("another organisation is already named '\(name)' (id \(ShortID.of(other.id)))")
        }
    }

    /// The id a new organisation takes: the row's UUID, or a new one.
    private static func newID(_ row: CSVRow) -> UUID {
        row.text(.id).flatMap { UUID(text: $0) } ?? UUID()
    }

    /// Every organisation, in Mongolian alphabetical order, with the headers and words of `language`.
    static func write(from session: any ScheduleSession, in language: Language) throws -> CSV {
        let table = CSVTable.organisations
        var csv = CSV(header: table.columns.map { table.header($0, in: language) })
        for organisation in try session.organisations().sorted(by: { CSVTerms.precedes(($0.name, $0.id), ($1.name, $1.id)) }) {
            csv.append([
                organisation.id.lowercasedText, organisation.name, Vocabulary.name(of: organisation.kind, in: language),
                organisation.placeCode.map { CSVTerms.placeName($0, in: language) } ?? "", organisation.phone ?? "", organisation.email ?? "",
            ])
        }
        return csv
    }
}
