/// Why a CSV file cannot be imported: every problem found, each with the line it is on. An import that
/// throws it has saved nothing.
public struct CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    /// One bad line.
    public struct Problem: Equatable, Sendable {
        /// Counted from 1.
        public var line: Int
        public var reason: String

        public init(line: Int, reason: String) {
            self.line = line
            self.reason = reason
        }
    }

    /// In the order of the file.
    public var problems: [Problem]

    public init(problems: [Problem]) {
        self.problems = problems.sorted { $0.line < $1.line }
    }

    public init(line: Int, _ reason: String) {
        self.init(problems: [Problem(line: line, reason: reason)])
    }

    public var description: String {
        problems.map { "line \($0.line): \($0.reason)" }.joined(separator: "\n")
    }
}
