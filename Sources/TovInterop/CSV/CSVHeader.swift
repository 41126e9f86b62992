import TovCore

/// A file's header line: which list the file is, and which column each field is in.
///
/// The list is told by the columns only it has: Event, Participant or Status make an attendance list; Kind
/// or Aimag or district, organisations; Organisation, Title or Expertise, people. A header that names a
/// column the list does not have, names one twice, or lacks a required one is refused, naming it and
/// listing the columns the list takes.
///
///     let header = try CSVHeader(CSVRecord(line: 1, fields: ["Нэр", "Төрөл", "Утас"]))
///     header.table // .organisations
struct CSVHeader {
    let table: CSVTable
    let line: Int
    /// The column of each field; nil for a field with no header (its values must be empty).
    let columns: [CSVColumn?]

    init(_ record: CSVRecord) throws {
        line = record.line
        table = try CSVHeader.table(of: record)
        var columns: [CSVColumn?] = []
        var problems: [String] = []
        for (index, name) in record.fields.enumerated() {
            let text = SafeText.clean(name).trimmingCharacters(in: .whitespaces)
            if text.isEmpty {
                columns.append(nil)
                continue
            }
            guard let column = table.column(named: text) else {
                problems.append("unknown column '\(text)' in \(table.noun); its columns are \(table.describe(table.columns))")
                columns.append(nil)
                continue
            }
            if let earlier = columns.firstIndex(of: column) {
                problems.append("the column \(table.header(column, in: .en)) is there twice (fields \(earlier + 1) and \(index + 1))")
            }
            columns.append(column)
        }
        for column in table.required where !columns.contains(column) {
            problems.append("the column \(table.header(column, in: .en)) (\(table.header(column, in: .mn))) is missing; "
                + "\(table.noun) needs \(table.describe(table.required))")
        }
        guard problems.isEmpty else { throw CSVError(problems: problems.map { CSVError.Problem(line: record.line, reason: $0) }) }
        self.columns = columns
    }

    /// The list whose own columns the header names.
    private static func table(of record: CSVRecord) throws -> CSVTable {
        func names(_ table: CSVTable, _ columns: [CSVColumn]) -> Bool {
            record.fields.contains { field in table.column(named: field).map(columns.contains) == true }
        }
        if names(.attendance, [.event, .participant, .status]) { return .attendance }
        let organisations = names(.organisations, [.kind, .place]), people = names(.people, [.organisation, .title, .expertise])
        switch (organisations, people) {
        case (true, false): return .organisations
        case (false, true): return .people
        case (true, true):
            throw CSVError(line: record.line, """
                the header has columns of organisations (Kind, Aimag or district) and of people (Organisation, Title, \
                Expertise); import organisations and people from separate files
                """)
        case (false, false):
            throw CSVError(line: record.line, """
                the header does not say what the file lists: organisations have \(CSVTable.organisations.describe([.name, .kind])); \
                people have \(CSVTable.people.describe([.name, .organisation])); attendance lists have \
                \(CSVTable.attendance.describe(CSVTable.attendance.required))
                """)
        }
    }

    /// What `check` makes of each record under this header, in order; throws a `CSVError` naming every
    /// line refused, by `check` or for a value where there is no column.
    func rows<T>(_ records: some Sequence<CSVRecord>, _ check: (CSVRow) throws -> T) throws -> [T] {
        var results: [T] = []
        var problems: [CSVError.Problem] = []
        for record in records {
            do {
                results.append(try check(try row(record)))
            } catch let error as ValidationError {
                problems.append(CSVError.Problem(line: record.line, reason: error.message))
            }
        }
        guard problems.isEmpty else { throw CSVError(problems: problems) }
        return results
    }

    /// A record under this header as a row of values; throws when it has a value where there is no column.
    private func row(_ record: CSVRecord) throws -> CSVRow {
        var values: [CSVColumn: String] = [:]
        for (index, field) in record.fields.enumerated() {
            let value = SafeText.clean(field).trimmingCharacters(in: .whitespaces)
            if index < columns.count, let column = columns[index] {
                values[column] = value
            } else if !value.isEmpty {
                throw ValidationError(index < columns.count
                    ? "field \(index + 1) has a value but its column has no header"
                    : "the line has \(record.fields.count) fields; the header (line \(line)) has \(columns.count)")
            }
        }
        // A short line (some tools drop empty fields at the end) has its missing values empty.
        for case let column? in columns where values[column] == nil { values[column] = "" }
        return CSVRow(line: record.line, values: values)
    }
}

/// One line of a list, its values cleaned of control characters and trimmed.
struct CSVRow {
    let line: Int
    let values: [CSVColumn: String]

    /// Whether the file has the column at all: a column it lacks leaves that field of a record as it is.
    func has(_ column: CSVColumn) -> Bool { values[column] != nil }

    /// The value, nil when the column is absent or the value empty.
    func text(_ column: CSVColumn) -> String? {
        guard let value = values[column], !value.isEmpty else { return nil }
        return value
    }

    /// The value, which must not be empty.
    func required(_ column: CSVColumn, _ what: String) throws -> String {
        guard let value = text(column) else { throw ValidationError("the \(what) is empty") }
        return value
    }
}
