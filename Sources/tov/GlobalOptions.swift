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

    /// The language asked for, else the one `LANG` names.
    func language() throws -> Language {
        guard let lang else {
            // POSIX precedence; an empty variable counts as unset.
            let environment = ProcessInfo.processInfo.environment
            let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
            return Language(locale: locale)
        }
        guard let language = Language(rawValue: lang.lowercased()) else {
            throw TovCore.ValidationError("'\(lang)' is not a language tov speaks; use mn or en")
        }
        return language
    }

    /// `--db`, else `$TOV_DB`, else the XDG data folder.
    var databasePath: String {
        let environment = ProcessInfo.processInfo.environment
        if let db, !db.isEmpty { return db }
        if let path = environment["TOV_DB"], !path.isEmpty { return path }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return (dataHome as NSString).appendingPathComponent("tov/tov.sqlite")
    }

    /// Opens the database, creating it on first use.
    func openStore() throws -> SQLiteStore {
        try SQLiteStore(path: databasePath)
    }
}

/// The machine's clock and zone, read only here, at the edge.
enum Clock {
    /// Today in the system zone; `TOV_TODAY=YYYY-MM-DD` pins it (for tests and demos).
    static func today() throws -> LocalDate {
        if let pinned = ProcessInfo.processInfo.environment["TOV_TODAY"], !pinned.isEmpty {
            return try LocalDate(parsing: pinned)
        }
        return Zone.system().wallTime(at: Int(Date().timeIntervalSince1970)).date
    }
}
