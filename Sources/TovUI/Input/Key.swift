/// A key or mouse press, as the terminal module reports it: the UI core never sees ncurses codes.
public enum Key: Hashable, Sendable {
    /// A printable character, Cyrillic included.
    case character(Character)
    /// A letter pressed with Control (`control("r")` is Ctrl-R).
    case control(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    /// A function key, F1 to F12.
    case function(Int)
    /// A mouse button press at a cell.
    case click(column: Int, row: Int)
    /// The window changed size.
    case resize(width: Int, height: Int)

    /// How the key is written in the help screen.
    public var label: String {
        switch self {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .control(let letter): "Ctrl-" + String(letter).uppercased()
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .function(let number): "F\(number)"
        case .click: "click"
        case .resize: "resize"
        }
    }
}
