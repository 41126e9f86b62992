import Testing
@testable import TovTerminal

@Suite struct TerminalCheckTests {
    /// The check's answer on a terminal where only what the arguments say can be wrong.
    private func problem(
        input: Bool = true, output: Bool = true, term: String? = "xterm-256color", codeset: String? = "UTF-8",
        locale: String = "LANG=C.UTF-8"
    ) -> String? {
        TerminalCheck.problem(
            inputIsTerminal: input, outputIsTerminal: output, term: term, codeset: { codeset }, localeSettings: locale)
    }

    @Test func aUTF8TerminalWithATypeHasNoProblem() {
        #expect(problem() == nil)
    }

    @Test func withoutATerminalPointsToTheCommands() throws {
        let message = try #require(problem(input: false))
        #expect(message.contains("standard input is not one"))
        #expect(message.contains("`tov agenda`"))
        #expect(try #require(problem(output: false)).contains("standard output is not one"))
        #expect(try #require(problem(input: false, output: false)).contains("neither standard input nor output"))
    }

    @Test(arguments: [nil, ""] as [String?])
    func anUnsetTermIsNamed(_ term: String?) throws {
        let message = try #require(problem(term: term))
        #expect(message.hasPrefix("TERM is not set"))
        #expect(message.contains("`tov agenda`"))
    }

    @Test func aDumbTerminalIsRefused() throws {
        let message = try #require(problem(term: "dumb"))
        #expect(message.hasPrefix("TERM=dumb"))
        #expect(message.contains("`tov agenda`"))
    }

    @Test func aMissingLocaleIsNamedWithAWayOut() throws {
        let message = try #require(problem(codeset: nil, locale: "LANG=mn_MN.UTF-8"))
        #expect(message.contains("(LANG=mn_MN.UTF-8) is not installed"))
        #expect(message.contains("LANG=C.UTF-8"))
        #expect(message.contains("`tov agenda`"))
    }

    @Test func aLocaleThatIsNotUTF8IsRefused() throws {
        let message = try #require(problem(codeset: "ANSI_X3.4-1968", locale: "LC_ALL=C"))
        #expect(message.contains("ANSI_X3.4-1968, not UTF-8"))
        #expect(message.contains("LANG=C.UTF-8"))
    }

    @Test func theLocaleIsNotAskedWhenThereIsNoTerminal() {
        var asked = false
        let message = TerminalCheck.problem(
            inputIsTerminal: false, outputIsTerminal: true, term: "xterm", codeset: { asked = true; return "UTF-8" },
            localeSettings: "")
        #expect(message != nil && !asked)
    }

    @Test func namesTheLocaleVariablesThatAreSetInTheOrderTheyCount() {
        #expect(TerminalCheck.localeSettings(in: ["LANG": "mn_MN.UTF-8", "LC_ALL": "C", "LC_CTYPE": ""])
            == "LC_ALL=C, LANG=mn_MN.UTF-8")
        #expect(TerminalCheck.localeSettings(in: [:]) == "none set")
    }

    @Test func exitStatusesFollowTheShell() {
        #expect(Terminal.Ending.quit.exitStatus == 0)
        #expect(Terminal.Ending.signal(15).exitStatus == 143)
        #expect(Terminal.Ending.hangUp.exitStatus == 129)
    }
}
