/// What a terminal run loop drives: keys in, a grid out. `TovTerminal` owns the terminal; the app
/// owns everything else, so the same app runs under tests without one.
public protocol InteractiveApp: AnyObject {
    /// Handles one key (or resize or click); returns false when the app asks to quit.
    func handle(_ key: Key) -> Bool
    /// The whole screen at this size; its `cursor` says where the caret goes, if anywhere.
    func render(width: Int, height: Int) -> CellGrid
    /// Called when no key came for a while (about a quarter of a second); returns true when something
    /// changed (another process wrote to the database) and the screen must be drawn again.
    func idle() -> Bool
}
