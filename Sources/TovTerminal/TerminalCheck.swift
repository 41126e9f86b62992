import CNCursesW
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether the interactive screen can run here, asked before ncurses touches the terminal: without a
/// terminal, a terminal type or a UTF-8 locale it would draw a garbled screen or spin on input that
/// never comes, so the user gets one sentence and the way round it instead.
///
///     if let problem = TerminalCheck.problem(environment: ProcessInfo.processInfo.environment) {
///         print(problem) // "… use the non-interactive commands instead, such as `tov agenda`."
///     }
public enum TerminalCheck {
    /// The sentence that says why the interactive screen cannot run, or nil when it can. Reads
    /// `TERM` and the locale variables from `environment`; asks the system whether standard input and
    /// output are terminals, and sets the process's character-type locale from its environment (as
    /// ncurses needs) to learn its character set.
    public static func problem(environment: [String: String]) -> String? {
        problem(
            inputIsTerminal: isatty(STDIN_FILENO) == 1,
            outputIsTerminal: isatty(STDOUT_FILENO) == 1,
            term: environment["TERM"],
            codeset: { tov_environment_codeset().map { String(cString: $0) } },
            localeSettings: localeSettings(in: environment)
        )
    }

    /// The same decision from the facts: `codeset` is asked last, and gives nil when the environment
    /// names a locale the system does not have.
    static func problem(
        inputIsTerminal: Bool, outputIsTerminal: Bool, term: String?, codeset: () -> String?,
        localeSettings: String
    ) -> String? {
        let elsewhere = "use the non-interactive commands instead, such as `tov agenda`."
        if !inputIsTerminal || !outputIsTerminal {
            let which = !inputIsTerminal && !outputIsTerminal ? "neither standard input nor output is one"
                : !inputIsTerminal ? "standard input is not one" : "standard output is not one"
            return "tov's interactive screen needs a terminal, but \(which); \(elsewhere)"
        }
        guard let term, !term.isEmpty else {
            return "TERM is not set, so tov cannot tell how to draw on this terminal; set it (for example "
                + "TERM=xterm-256color) or \(elsewhere)"
        }
        if term == "dumb" {
            return "TERM=dumb names a terminal that cannot move its cursor, so tov's interactive screen "
                + "cannot run on it; \(elsewhere)"
        }
        guard let codeset = codeset() else {
            return "The locale (\(localeSettings)) is not installed on this system; set LANG=C.UTF-8 "
                + "for tov's interactive screen, or \(elsewhere)"
        }
        if codeset != "UTF-8" {
            return "The locale's character set is \(codeset), not UTF-8, so Mongolian text would be garbled; "
                + "set LANG=C.UTF-8 (or another UTF-8 locale) for tov's interactive screen, or \(elsewhere)"
        }
        return nil
    }

    /// The locale variables the environment sets, in the order the C library reads them, for the message.
    static func localeSettings(in environment: [String: String]) -> String {
        let set = ["LC_ALL", "LC_CTYPE", "LANG"].compactMap { name in
            environment[name].flatMap { $0.isEmpty ? nil : "\(name)=\($0)" }
        }
        return set.isEmpty ? "none set" : set.joined(separator: ", ")
    }
}
