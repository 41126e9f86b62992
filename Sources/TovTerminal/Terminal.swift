import CNCursesW
import TovUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal while tov's interactive screen runs on it, and the only code that talks to ncurses:
/// keys come in as `Key`s, grids go out as the cells that changed since the last one.
///
///     let terminal = try Terminal(environment: ProcessInfo.processInfo.environment)
///     let ending = terminal.run(app) // the terminal is restored when it returns
///     exit(ending.exitStatus)
///
/// The screen is restored by `stop()`, which `run` calls on the way out and `deinit` calls too.
/// SIGINT, SIGTERM and SIGHUP are caught while the terminal is in use and only noted: `run` notices
/// them within a key-read timeout, restores the screen and ends with `.signal`.
public final class Terminal {
    /// Why `run` ended.
    public enum Ending: Equatable, Sendable {
        /// The app asked to quit.
        case quit
        /// The process was asked to stop by this signal (SIGINT, SIGTERM or SIGHUP).
        case signal(Int32)
        /// The terminal went away: its input hung up or closed.
        case hangUp

        /// The process's exit status for this ending: 0 on quit, 128 plus the signal's number (as a
        /// shell reports a process the signal ended) otherwise.
        public var exitStatus: Int32 {
            switch self {
            case .quit: 0
            case .signal(let number): 128 + number
            case .hangUp: 128 + SIGHUP
            }
        }
    }

    /// How long `run` waits for a key before it calls the app's `idle()` and looks for signals.
    public static let keyTimeoutMilliseconds = 250

    private static let caughtSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    private var screen: OpaquePointer?
    private var window: UnsafeMutablePointer<WINDOW>?
    private var savedSignalActions: [(signal: Int32, action: sigaction)] = []
    private let usesColor: Bool
    private let hasDefaultColors: Bool
    private var pairs: ColorPairs
    private var shown: (grid: CellGrid, width: Int, height: Int)?
    private var cursorVisible: Bool?
    /// One cell's text for setcchar, reused: a spacing character, its combining marks, and a 0.
    private var characters = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)

    /// Takes over the terminal: raw keys, no echo, keypad and mouse codes, no cursor, colours when
    /// the terminal has them and neither `colors` is false nor `NO_COLOR` is set in `environment`.
    /// Throws a `TerminalError` when `TerminalCheck` finds a problem or `TERM` names an unknown terminal.
    public init(environment: [String: String], colors: Bool = true) throws {
        if let problem = TerminalCheck.problem(environment: environment) { throw TerminalError(problem) }
        // Caught before ncurses starts, so it leaves them to us; the ones ncurses catches itself are
        // put back as they were when it stops.
        var saved: [(signal: Int32, action: sigaction)] = []
        for signal in Self.caughtSignals {
            var previous = sigaction()
            if tov_catch_signal(signal, &previous) == 0 { saved.append((signal, previous)) }
        }
        for signal in [SIGTSTP, SIGWINCH] {
            var previous = sigaction()
            if tov_save_signal(signal, &previous) == 0 { saved.append((signal, previous)) }
        }
        guard let screen = tov_newterm() else {
            Self.restore(saved)
            let term = environment["TERM"] ?? ""
            throw TerminalError(
                "TERM=\(term) is a terminal type this system does not know (it has no terminfo entry for it); "
                    + "set TERM=xterm-256color, or use the non-interactive commands instead, such as `tov agenda`.")
        }
        self.screen = screen
        savedSignalActions = saved
        set_term(screen)
        let window = tov_stdscr()
        self.window = window
        raw()
        noecho()
        nonl()
        keypad(window, true)
        // Every cell is written at its place, and the bottom-right one must not scroll the screen.
        scrollok(window, false)
        set_escdelay(25)
        curs_set(0)
        cursorVisible = false

        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        usesColor = colors && !noColor && has_colors() && start_color() == OK
        hasDefaultColors = usesColor && use_default_colors() == OK
        pairs = ColorPairs(capacity: usesColor ? Int(tov_color_pairs()) : 1)

        mousemask(tov_button1_pressed() | tov_button1_clicked(), nil)
        mouseinterval(0)
    }

    deinit {
        stop()
    }

    /// Gives the terminal back as it was: normal screen, cursor, echo and line editing, and the signal
    /// handlers from before. Safe to call more than once; the terminal draws and reads nothing after.
    public func stop() {
        guard let screen else { return }
        endwin()
        delscreen(screen)
        self.screen = nil
        window = nil
        restoreSignalActions()
    }

    /// The screen's size in cells (0 by 0 once stopped).
    public var size: (width: Int, height: Int) {
        guard let window else { return (0, 0) }
        return (Int(max(0, getmaxx(window))), Int(max(0, getmaxy(window))))
    }

    // MARK: - Run loop

    /// Runs `app` until it asks to quit, a signal asks the process to stop, or the terminal goes away:
    /// draws its screen, hands it each key, calls `idle()` when no key came within
    /// `keyTimeoutMilliseconds`, and draws again after each key and each idle call that changed
    /// something. A resize reaches the app as `.resize` and the next screen is drawn at the new size.
    /// Always stops the terminal on the way out; the caller ends the process with the ending's
    /// `exitStatus` when it is a signal.
    public func run(_ app: some InteractiveApp) -> Ending {
        defer { stop() }
        render(app)
        while true {
            if let signal = takeCaughtSignal() { return .signal(signal) }
            switch read(timeoutMilliseconds: Self.keyTimeoutMilliseconds) {
            case .nothing:
                if app.idle() { render(app) }
            case .closed:
                return .hangUp
            case .key(let key):
                guard app.handle(key) else { return .quit }
                render(app)
            }
        }
    }

    private func render(_ app: some InteractiveApp) {
        let (width, height) = size
        draw(app.render(width: width, height: height))
    }

    /// The signal (SIGINT, SIGTERM or SIGHUP) caught since the last call, if any: for a caller that
    /// reads keys and draws in a loop of its own instead of `run`, which looks every iteration.
    public func takeCaughtSignal() -> Int32? {
        let signal = tov_take_caught_signal()
        return signal == 0 ? nil : signal
    }

    private func restoreSignalActions() {
        Self.restore(savedSignalActions)
        savedSignalActions = []
    }

    private static func restore(_ actions: [(signal: Int32, action: sigaction)]) {
        for (signal, action) in actions {
            var action = action
            tov_restore_signal(signal, &action)
        }
    }

    // MARK: - Keys

    /// The next key, waiting at most `timeoutMilliseconds`: nil when none came in time (or what came
    /// is nothing the UI uses, such as a mouse release).
    public func readKey(timeoutMilliseconds: Int = Terminal.keyTimeoutMilliseconds) -> Key? {
        if case .key(let key) = read(timeoutMilliseconds: timeoutMilliseconds) { return key }
        return nil
    }

    private enum Input {
        case key(Key)
        case nothing
        case closed
    }

    private func read(timeoutMilliseconds: Int) -> Input {
        guard let window else { return .closed }
        wtimeout(window, Int32(clamping: timeoutMilliseconds))
        var code: wint_t = 0
        switch wget_wch(window, &code) {
        case OK:
            return CursesInput.key(code: code, isKeyCode: false).map(Input.key) ?? .nothing
        case KEY_CODE_YES:
            switch Int32(truncatingIfNeeded: code) {
            case KEY_RESIZE:
                let (width, height) = size
                return .key(.resize(width: width, height: height))
            case KEY_MOUSE:
                var event = MEVENT()
                guard getmouse(&event) == OK else { return .nothing }
                return CursesInput.click(event).map(Input.key) ?? .nothing
            default:
                return CursesInput.key(code: code, isKeyCode: true).map(Input.key) ?? .nothing
            }
        default:
            // A timeout, or a signal cut the wait short; but a terminal that hung up answers every read
            // at once, and waiting on it again would spin.
            return tov_input_closed(STDIN_FILENO) != 0 ? .closed : .nothing
        }
    }

    // MARK: - Drawing

    /// Shows `grid`, writing only the cells that differ from the grid shown before (everything on the
    /// first draw and after a resize), then puts the cursor at `grid.cursor`, or hides it when nil.
    /// Cells beyond the screen's edge are left out.
    public func draw(_ grid: CellGrid) {
        guard let window else { return }
        let (width, height) = size
        var before: CellGrid?
        if let shown, shown.width == width, shown.height == height, shown.grid.width == grid.width,
            shown.grid.height == grid.height {
            before = shown.grid
        }
        if before == nil {
            werase(window)
            clearok(window, true)
        }
        for position in CellDiff.changes(from: before, to: grid) where position.x < width && position.y < height {
            put(grid, at: position, screenWidth: width, in: window)
        }
        if let cursor = grid.cursor, (0..<width).contains(cursor.x), (0..<height).contains(cursor.y) {
            wmove(window, Int32(cursor.y), Int32(cursor.x))
            showCursor(true)
        } else {
            showCursor(false)
        }
        wnoutrefresh(window)
        doupdate()
        shown = (grid, width, height)
    }

    private func showCursor(_ visible: Bool) {
        guard cursorVisible != visible else { return }
        curs_set(visible ? 1 : 0)
        cursorVisible = visible
    }

    /// Writes one cell at its place. A wide character is written once and covers its continuation.
    /// ncurses measures with the C library's widths; where those disagree with ours a character would
    /// shift the rest of the row, so it is replaced by one both agree on.
    private func put(
        _ grid: CellGrid, at position: Position, screenWidth: Int, in window: UnsafeMutablePointer<WINDOW>
    ) {
        let cell = grid[position.x, position.y]
        let wide = CellDiff.isWide(position.x, position.y, in: grid)
        var scalars = Array(cell.text.unicodeScalars.prefix(Int(CCHARW_MAX)))
        var padding = false
        if cell.isContinuation || (wide && position.x + 1 >= screenWidth) {
            scalars = [" "]
        } else if let first = scalars.first {
            let cursesWidth = tov_wcwidth(wchar_t(bitPattern: first.value))
            if cursesWidth != (wide ? 2 : 1) {
                scalars = [cursesWidth == 1 ? first : "\u{FFFD}"]
                padding = wide
            }
        }
        let style = usesColor ? cell.style : cell.style.withoutColor
        write(scalars, style: style, x: position.x, y: position.y, in: window)
        if padding { write([" "], style: style, x: position.x + 1, y: position.y, in: window) }
    }

    private func write(
        _ scalars: [Unicode.Scalar], style: Style, x: Int, y: Int, in window: UnsafeMutablePointer<WINDOW>
    ) {
        for (index, scalar) in scalars.enumerated() { characters[index] = wchar_t(bitPattern: scalar.value) }
        characters[scalars.count] = 0
        var cell = cchar_t()
        let attributes = CellStyle.attributes(for: style)
        let pair = colorPair(for: style)
        if setcchar(&cell, characters, attributes, pair, nil) != OK {
            setcchar(&cell, [wchar_t(0x20), 0], attributes, pair, nil)
        }
        wmove(window, Int32(y), Int32(x))
        // Writing the bottom-right cell answers ERR (the cursor cannot move past it) yet draws it.
        wadd_wch(window, &cell)
    }

    private func colorPair(for style: Style) -> Int16 {
        guard usesColor else { return 0 }
        let (number, isNew) = pairs.number(foreground: style.foreground, background: style.background)
        if isNew {
            let foreground = style.foreground.map { Int16($0.rawValue) } ?? (hasDefaultColors ? -1 : Int16(COLOR_WHITE))
            let background = style.background.map { Int16($0.rawValue) } ?? (hasDefaultColors ? -1 : Int16(COLOR_BLACK))
            init_pair(number, foreground, background)
        }
        return number
    }
}
