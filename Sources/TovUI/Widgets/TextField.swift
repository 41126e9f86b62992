import TovCore

/// One line of text being typed, with a caret: what every form field and prompt edits.
///
/// Works on grapheme clusters, so a Cyrillic letter, a letter with a combining mark or an emoji is one
/// step of the caret and one Backspace.
///
///     var field = TextField("Сайн")
///     field.handle(.character("у")) // "Сайну"
///     field.handle(.control("u"))   // ""
public struct TextField: Hashable, Sendable {
    public private(set) var characters: [Character]
    /// Where the next character goes: 0 is before the first.
    public private(set) var caret: Int
    /// Whether the text is a suggestion that the first character typed replaces, as a prompt's
    /// proposed date is: typing a date over it must not make "2026-11-232027-01-21". Backspace and
    /// Delete clear it; a key that moves the caret takes it as the text to edit.
    public private(set) var isSuggestion = false

    public init(_ text: String = "") {
        characters = Array(SafeText.clean(text))
        caret = characters.count
    }

    /// A field holding `text` as a suggestion: shown selected, replaced by what is typed.
    public init(suggesting text: String) {
        self.init(text)
        isSuggestion = !characters.isEmpty
    }

    public var text: String { String(characters) }

    /// The text without spaces around it, nil when nothing is left.
    public var trimmed: String? {
        let text = self.text.trimmingSpaces
        return text.isEmpty ? nil : text
    }

    /// Replaces the whole text and puts the caret at its end.
    public mutating func set(_ text: String) {
        characters = Array(SafeText.clean(text))
        caret = characters.count
        isSuggestion = false
    }

    /// Edits the line; false when the key is not a line-editing key (Enter, Tab, Esc, Up, Down…),
    /// so the form or prompt can act on it.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        guard isSuggestion else { return edit(key) }
        switch key {
        case .backspace, .control("h"), .delete, .control("d"):
            // As selected text goes: the whole suggestion.
            set("")
            return true
        case .character:
            var typed = TextField()
            guard typed.edit(key) else { return false }
            self = typed
            return true
        default:
            guard edit(key) else { return false }
            isSuggestion = false
            return true
        }
    }

    private mutating func edit(_ key: Key) -> Bool {
        switch key {
        case .character(let character):
            // A control character typed or pasted is dropped, never kept to reach a terminal later.
            guard !character.isNewline, SafeText.clean(String(character)) == String(character) else { return false }
            characters.insert(character, at: caret)
            caret += 1
        case .left, .control("b"):
            caret = max(0, caret - 1)
        case .right, .control("f"):
            caret = min(characters.count, caret + 1)
        case .home, .control("a"):
            caret = 0
        case .end, .control("e"):
            caret = characters.count
        case .backspace, .control("h"):
            guard caret > 0 else { return true }
            characters.remove(at: caret - 1)
            caret -= 1
        case .delete, .control("d"):
            guard caret < characters.count else { return true }
            characters.remove(at: caret)
        case .control("u"):
            characters.removeSubrange(0..<caret)
            caret = 0
        case .control("k"):
            characters.removeSubrange(caret...)
        case .control("w"):
            var start = caret
            while start > 0 && characters[start - 1] == " " { start -= 1 }
            while start > 0 && characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<caret)
            caret = start
        default:
            return false
        }
        return true
    }

    /// Draws the line in `width` columns from (`x`, `y`), scrolled so the caret shows, a suggestion
    /// reversed as selected text is; returns the caret's cell when `focused`.
    @discardableResult
    public func draw(into grid: inout CellGrid, x: Int, y: Int, width: Int, style: Style, focused: Bool) -> Position? {
        guard width > 0 else { return nil }
        grid.fill(Rect(x: x, y: y, width: width, height: 1), with: Cell(" ", style: style))
        // The first character shown: as far left as lets the caret (and one cell after it) fit.
        var first = 0
        var columnsToCaret = characters[..<caret].reduce(0) { $0 + CellWidth.of($1) }
        while columnsToCaret > width - 1 && first < caret {
            columnsToCaret -= CellWidth.of(characters[first])
            first += 1
        }
        grid.write(String(characters[first...]), x: x, y: y, style: isSuggestion ? style.reversed : style, limit: width)
        return focused ? Position(x: x + columnsToCaret, y: y) : nil
    }
}

extension String {
    /// Without spaces, tabs and newlines at either end.
    var trimmingSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
