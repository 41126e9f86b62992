/// A public holiday on one date.
public struct Holiday: Hashable, Sendable {
    public var date: LocalDate
    public var nameMn: String
    public var nameEn: String
    /// Whether it is a day off (commemorations are working days).
    public var dayOff: Bool

    public init(date: LocalDate, nameMn: String, nameEn: String, dayOff: Bool = true) {
        self.date = date
        self.nameMn = nameMn
        self.nameEn = nameEn
        self.dayOff = dayOff
    }

    /// The name in a language.
    public func name(in language: Language) -> String { language == .mn ? nameMn : nameEn }
}
