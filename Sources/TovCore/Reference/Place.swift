/// An aimag or a district of Ulaanbaatar, with the zone its clocks keep.
public struct Place: Hashable, Sendable, Identifiable {
    /// Aimag (province) or a district of the capital.
    public enum Kind: String, Sendable {
        case aimag
        case capitalDistrict = "capital-district"
    }

    /// ISO 3166-2 code for aimags (`MN-043`); `MN-1-…` for districts, local to tov.
    public let code: String
    public let nameMn: String
    public let nameEn: String
    /// The aimag centre; nil for a district.
    public let centreMn: String?
    public let centreEn: String?
    public let kind: Kind
    public let zone: Zone

    public var id: String { code }

    /// The name in a language.
    public func name(in language: Language) -> String { language == .mn ? nameMn : nameEn }
}
