import CNCursesW
import TovUI

/// What ncurses reads, as the keys the UI core knows. Pure, so every code is tested without a terminal.
///
///     CursesInput.key(code: 0x0421, isKeyCode: false) // .character("С")
///     CursesInput.key(code: UInt32(KEY_BTAB), isKeyCode: true) // .backTab
enum CursesInput {
    /// The key for what `wget_wch` gave: a character (`isKeyCode` false) or one of ncurses's key codes.
    /// Nil for what the UI has no use for (other control characters, unknown keys); resize and mouse
    /// codes need the terminal's answer and are read by `Terminal`.
    static func key(code: UInt32, isKeyCode: Bool) -> Key? {
        isKeyCode ? keyCode(Int32(truncatingIfNeeded: code)) : character(code)
    }

    /// A mouse report as a click: button 1 pressed (or clicked, on terminals that report only that).
    static func click(_ event: MEVENT) -> Key? {
        let buttons = tov_button1_pressed() | tov_button1_clicked()
        guard event.bstate & buttons != 0, event.x >= 0, event.y >= 0 else { return nil }
        return .click(column: Int(event.x), row: Int(event.y))
    }

    private static func character(_ code: UInt32) -> Key? {
        switch code {
        case 8, 127: return .backspace
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(0x60 + code))))
        case 0, 28...31, 0x80...0x9F: return nil
        default: return Unicode.Scalar(code).map { .character(Character($0)) }
        }
    }

    private static func keyCode(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        // Some terminfo entries name the keys where Home and End sit Find and Select (VT220).
        case KEY_HOME, KEY_FIND: return .home
        case KEY_END, KEY_SELECT: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_DC: return .delete
        case KEY_BACKSPACE: return .backspace
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case tov_key_f(1)...tov_key_f(12): return .function(Int(code - tov_key_f(0)))
        default: return nil
        }
    }
}
