import TovCore

/// The one table from keys to actions. The help screen is made from it, so it cannot list a key that
/// does nothing or miss one that does.
///
///     KeyMap.standard.action(for: .character("t")) // .today
public struct KeyMap: Sendable {
    /// Each action with its keys, in the order help shows them.
    public let bindings: [(action: Action, keys: [Key])]
    private let actions: [Key: Action]

    /// Fails when a key is bound twice: the second binding could never be reached.
    public init(_ bindings: [(action: Action, keys: [Key])]) throws {
        var actions: [Key: Action] = [:]
        for (action, keys) in bindings {
            for key in keys {
                if let other = actions[key] {
                    throw ValidationError("\(key.label) is bound to both \(other) and \(action)")
                }
                actions[key] = action
            }
        }
        self.bindings = bindings
        self.actions = actions
    }

    /// The action a key asks for, if any.
    public func action(for key: Key) -> Action? {
        actions[key]
    }

    /// The keys of DESIGN.md's interface conventions.
    public static let standard = try! KeyMap([
        (.nextPane, [.tab]),
        (.previousPane, [.backTab]),
        (.calendarPane, [.character("1")]),
        (.eventsPane, [.character("2")]),
        (.dialoguePane, [.character("3")]),
        (.peoplePane, [.character("4")]),
        (.up, [.up, .character("k")]),
        (.down, [.down, .character("j")]),
        (.left, [.left, .character("h")]),
        (.right, [.right, .character("l")]),
        (.previousMonth, [.pageUp]),
        (.nextMonth, [.pageDown]),
        (.today, [.character("t")]),
        (.goToDate, [.character("g")]),
        (.open, [.enter]),
        (.add, [.character("a")]),
        (.edit, [.character("e")]),
        (.delete, [.character("d")]),
        (.toggleAgendaSpan, [.character("v")]),
        (.search, [.character("/")]),
        (.undo, [.character("u")]),
        (.redo, [.control("r")]),
        (.topicUp, [.character("K")]),
        (.topicDown, [.character("J")]),
        (.pinTopic, [.character("p")]),
        (.requestTopic, [.character("r")]),
        (.withdrawTopic, [.character("w")]),
        (.nextTopic, [.character("n")]),
        (.fillTopics, [.character("A")]),
        (.markAttendance, [.character("m")]),
        (.exportAttendance, [.character("x")]),
        (.addAway, [.character("o")]),
        (.writeReport, [.character("R")]),
        (.copyEvent, [.character("c")]),
        (.coverage, [.character("C")]),
        (.help, [.character("?"), .function(1)]),
        (.switchLanguage, [.character("L")]),
        (.quit, [.character("q")]),
    ])

    /// The help screen's lines: keys, then what they do, in `language`.
    public func helpLines(in language: Language) -> [(keys: String, summary: String)] {
        bindings.map { binding in
            (binding.keys.map(\.label).joined(separator: " "), binding.action.summary(in: language))
        }
    }
}
