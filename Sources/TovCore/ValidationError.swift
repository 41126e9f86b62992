/// Bad input from a user or a file, with one sentence that names the bad value.
///
/// The command line turns it into exit status 2.
public struct ValidationError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
