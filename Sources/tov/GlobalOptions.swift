import ArgumentParser
import Foundation
import TovCore
import TovStore

/// Options every command takes: which database, which language.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file (default: $TOV_DB, else ~/.local/share/tov/tov.sqlite).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("Language of the output: mn or en (default from LANG).", valueName: "lang"))
    var lang: String?

    /// The values given, apart from ArgumentParser.
    var values: Globals { Globals(db: db, lang: lang) }

    /// The language asked for, else the one `LANG` names.
    func language() throws -> Language { try values.language() }

    /// `--db`, else `$TOV_DB`, else the XDG data folder.
    var databasePath: String { values.databasePath }

    /// Opens the database (see `Globals.openStore(creating:)`).
    func openStore(creating: Bool) throws -> SQLiteStore { try values.openStore(creating: creating) }
}

/// `--db` and `--lang` as given, and what they decide. `GlobalOptions` holds them for ArgumentParser;
/// a command read without it (`AgendaArguments`) makes them directly.
struct Globals {
    var db: String?
    var lang: String?

    /// The language asked for, else the one `LANG` names.
    func language() throws -> Language {
        guard let lang else { return Globals.localeLanguage() }
        guard let language = Language(rawValue: lang.lowercased()) else {
            throw TovCore.ValidationError("'\(lang)' is not a language tov speaks; use mn or en")
        }
        return language
    }

    /// The language the locale names.
    static func localeLanguage() -> Language {
        // POSIX precedence; an empty variable counts as unset. Read with getenv: Foundation's copy of the
        // whole environment cost a fifth of a millisecond of every agenda.
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy
            .compactMap { (name: String) -> String? in getenv(name).map { String(cString: $0) } }
            .first { !$0.isEmpty }
        return Language(locale: locale)
    }

    /// The language of an error that stopped a command, which may not have been parsed: `--lang` as
    /// typed, else the locale's.
    static func languageOfErrors(_ arguments: [String]) -> Language {
        for (index, argument) in arguments.enumerated().reversed() {
            let value = argument.hasPrefix("--lang=") ? String(argument.dropFirst("--lang=".count))
                : argument == "--lang" && index + 1 < arguments.count ? arguments[index + 1] : nil
            if let value, let language = Language(rawValue: value.lowercased()) { return language }
        }
        return localeLanguage()
    }

    /// `--db`, else `$TOV_DB`, else the XDG data folder.
    var databasePath: String {
        let environment = ProcessInfo.processInfo.environment
        if let db { return db }
        if let path = environment["TOV_DB"], !path.isEmpty { return path }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return (dataHome as NSString).appendingPathComponent("tov/tov.sqlite")
    }

    /// Opens the database. Commands that add records create it on first use; commands that only read
    /// or change records refuse a missing file, so a mistyped path is not taken for an empty calendar.
    func openStore(creating: Bool) throws -> SQLiteStore {
        if db?.isEmpty == true { throw ValidationError("--db is empty; give the path of a database file") }
        return try SQLiteStore(path: databasePath, creating: creating)
    }
}

/// The machine's clock and zone, read only here, at the edge.
enum Clock {
    /// The machine's zone, or UTC when it has no IANA name.
    ///
    /// Named as the C library finds it (`TZ`, else the link `/etc/localtime`), which is quicker than
    /// asking Foundation for its current zone; Foundation answers what those do not settle.
    static func zone() -> Zone {
        if let name = zoneName(), let zone = try? Zone(name) { return zone }
        return Zone.system(TimeZone.current)
    }

    private static func zoneName() -> String? {
        if let variable = getenv("TZ") {
            var name = String(cString: variable)
            if name.hasPrefix(":") { name.removeFirst() }
            if let range = name.range(of: "zoneinfo/") { name = String(name[range.upperBound...]) }
            return name.isEmpty ? "UTC" : name
        }
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/etc/localtime", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        let target = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let range = target.range(of: "zoneinfo/") else { return nil }
        return String(target[range.upperBound...])
    }

    /// Today in the system zone; `TOV_TODAY=YYYY-MM-DD` pins it (for tests and demos).
    static func today() throws -> LocalDate {
        if let pinned = ProcessInfo.processInfo.environment["TOV_TODAY"], !pinned.isEmpty {
            return try LocalDate(parsing: pinned)
        }
        return Clock.zone().wallTime(at: Int(Date().timeIntervalSince1970)).date
    }
}
