/// Why the interactive screen cannot start here, in one sentence the user can act on.
///
///     do { terminal = try Terminal(environment: environment) }
///     catch let error as TerminalError { print(error.message) }
public struct TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
