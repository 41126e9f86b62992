/// Bad input from a user or a file, with one sentence that names the bad value.
///
/// The command line turns it into exit status 2 and prints the English sentence; the interface shows the
/// Mongolian one when the error has it and the screen is in Mongolian.
public struct ValidationError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    /// The same sentence in Mongolian, for the errors the interface shows.
    public let mongolian: String?

    public init(_ message: String, mn mongolian: String? = nil) {
        self.message = message
        self.mongolian = mongolian
    }

    /// The sentence in `language`, English when it has no Mongolian.
    public func message(in language: Language) -> String {
        language == .mn ? mongolian ?? message : message
    }

    public var description: String { message }

    /// Two errors are the same when they say the same in English; the Mongolian is its translation.
    public static func == (a: ValidationError, b: ValidationError) -> Bool { a.message == b.message }
}
