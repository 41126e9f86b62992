/// One of the dialogue topics the project chose first (the seed document's list).
public struct SeedTopic: Hashable, Sendable, Decodable {
    public let titleMn: String
    public let titleEn: String
    public let category: String
    public let descriptionMn: String
    public let descriptionEn: String

    enum CodingKeys: String, CodingKey {
        case titleMn = "title_mn", titleEn = "title_en", category
        case descriptionMn = "description_mn", descriptionEn = "description_en"
    }
}
