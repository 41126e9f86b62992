import Foundation

/// Facts tov ships with: aimags and districts, public holidays, the seed's dialogue topics.
///
/// Read once from the files of `Resources/`, which the build embeds in the binary.
///
///     let khovd = try ReferenceData.shared.place(named: "Khovd")
///     khovd.zone // Asia/Hovd
public struct ReferenceData: Sendable {
    /// The embedded reference data.
    public static let shared = ReferenceData()

    /// Aimags first, then the districts of Ulaanbaatar, as in `Resources/aimags.json`.
    public var places: [Place] { Tables.places }
    /// Public holidays, ordered by date.
    public var holidays: [Holiday] { Tables.holidays }
    /// The dialogue topics of the seed document, in its order.
    public var seedTopics: [SeedTopic] { Tables.seedTopics }

    /// Each file is decoded on first use only: printing an agenda needs the places, not the holidays.
    private enum Tables {
        static let places: [Place] = load("aimags.json") { data in
            guard let rows = try JSONValue.parse(Array(data)).array else { throw ValidationError("aimags.json: not a list") }
            return try rows.map(RawPlace.init(json:)).map { try $0.place() }
        }
        static let placesByCode = Dictionary(places.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        static let namesByCode = placesByCode.mapValues { (mn: $0.nameMn, en: $0.nameEn) }
        static let holidays: [Holiday] = load("holidays.json") { try JSONDecoder().decode(RawHolidays.self, from: $0).holidays() }
        static let seedTopics: [SeedTopic] = load("topics.json") { try JSONDecoder().decode([SeedTopic].self, from: $0) }

        private static func load<T>(_ name: String, _ decode: (Data) throws -> T) -> T {
            do {
                return try decode(try EmbeddedFile.data(named: name))
            } catch {
                // The files are part of the build; a failure here is a broken build, not bad input.
                fatalError("embedded reference data Resources/\(name) is unreadable: \(error)")
            }
        }
    }

    // MARK: - Places

    /// The place with a code, an English, ISO or Mongolian name, in any case (`MN-043`, `khovd`, `Ховд`),
    /// the name perhaps followed by its kind, as addresses write it (`Ховд аймаг`, `Сүхбаатар дүүрэг`,
    /// `Sükhbaatar district`).
    public func place(named text: String) throws -> Place {
        let key = ReferenceData.foldedName(text)
        var matches = places.filter { place in
            [place.code, place.nameEn, place.nameMn].contains { ReferenceData.foldedName($0) == key }
        }
        if matches.isEmpty, let (name, kind) = ReferenceData.nameAndKind(text) {
            let nameKey = ReferenceData.foldedName(name)
            matches = places.filter { place in
                place.kind == kind && [place.nameEn, place.nameMn].contains { ReferenceData.foldedName($0) == nameKey }
            }
        }
        // "Sükhbaatar" is both an aimag and a district: the code tells them apart.
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 {
            let codes = matches.map(\.code).joined(separator: " or ")
            throw ValidationError("'\(text)' names more than one place; use its code (\(codes)), or add aimag or district after it")
        }
        throw ValidationError("'\(text)' is not a known aimag or district; `tov places` lists them")
    }

    /// The place with exactly this code, if any.
    public func place(code: String) -> Place? {
        Tables.placesByCode[code]
    }

    /// The name of the place with exactly this code, if any; without copying the whole place, for
    /// listings that name one per row.
    public func placeName(code: String, in language: Language) -> String? {
        guard let names = Tables.namesByCode[code] else { return nil }
        return language == .mn ? names.mn : names.en
    }

    /// The words addresses put after a place's name, and the kind each says.
    private static let kindWords: [(String, Place.Kind)] = [
        ("аймаг", .aimag), ("aimag", .aimag), ("province", .aimag), ("дүүрэг", .capitalDistrict), ("district", .capitalDistrict),
    ]

    /// "Ховд аймаг" as ("Ховд", .aimag); nil when the text does not end in a kind word.
    private static func nameAndKind(_ text: String) -> (String, Place.Kind)? {
        let words = text.lowercased().split(whereSeparator: \.isWhitespace)
        guard words.count > 1, let last = words.last, let kind = kindWords.first(where: { $0.0 == last })?.1 else { return nil }
        return (words.dropLast().joined(separator: " "), kind)
    }

    static func foldedName(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces)
            .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: " ", with: "-")
    }
}

// MARK: - File shapes

private struct RawPlace {
    let code: String
    let name_mn: String
    let name_en: String
    let centre_mn: String?
    let centre_en: String?
    let timezone: String
    let kind: String

    init(json: JSONValue) throws {
        func text(_ key: String) throws -> String {
            guard let value = json[key]?.string else { throw ValidationError("aimags.json: an entry lacks \(key)") }
            return value
        }
        code = try text("code")
        name_mn = try text("name_mn")
        name_en = try text("name_en")
        centre_mn = json["centre_mn"]?.string
        centre_en = json["centre_en"]?.string
        timezone = try text("timezone")
        kind = try text("kind")
    }

    func place() throws -> Place {
        guard let kind = Place.Kind(rawValue: kind) else {
            throw ValidationError("aimags.json: unknown kind '\(kind)' for \(code)")
        }
        return Place(
            code: code, nameMn: name_mn, nameEn: name_en, centreMn: centre_mn, centreEn: centre_en,
            kind: kind, zone: try Zone(timezone)
        )
    }
}

private struct RawHolidays: Decodable {
    struct Fixed: Decodable {
        let name_mn: String
        let name_en: String
        let dates_mmdd: [String]
        let day_off: Bool
        /// The first year the holiday was kept; written as a year or as a sentence starting with one.
        let since: Int?

        enum CodingKeys: String, CodingKey { case name_mn, name_en, dates_mmdd, day_off, since }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name_mn = try container.decode(String.self, forKey: .name_mn)
            name_en = try container.decode(String.self, forKey: .name_en)
            dates_mmdd = try container.decode([String].self, forKey: .dates_mmdd)
            day_off = try container.decode(Bool.self, forKey: .day_off)
            if let year = try? container.decode(Int.self, forKey: .since) {
                since = year
            } else {
                since = (try? container.decode(String.self, forKey: .since)).flatMap { Int($0.prefix(4)) }
            }
        }
    }

    /// One date or several per year.
    struct Dates: Decodable {
        let values: [String]

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let several = try? container.decode([String].self) {
                values = several
            } else {
                values = [try container.decode(String.self)]
            }
        }
    }

    struct Lunar: Decodable {
        let name_mn: String
        let name_en: String
        let dates: [String: Dates]
        let day_off: Bool
    }

    let fixed_public_holidays: [Fixed]
    let lunar_public_holidays: [Lunar]

    /// Fixed holidays repeat every year; they are listed for the years the lunar table covers and around them.
    static let years = 2020...2040

    func holidays() throws -> [Holiday] {
        var result: [Holiday] = []
        for holiday in fixed_public_holidays {
            for year in RawHolidays.years where year >= holiday.since ?? 0 {
                for mmdd in holiday.dates_mmdd {
                    let date = try LocalDate(parsing: "\(year)-\(mmdd)")
                    result.append(Holiday(date: date, nameMn: holiday.name_mn, nameEn: holiday.name_en, dayOff: holiday.day_off))
                }
            }
        }
        for holiday in lunar_public_holidays {
            for date in holiday.dates.values.flatMap(\.values) {
                result.append(Holiday(date: try LocalDate(parsing: date), nameMn: holiday.name_mn, nameEn: holiday.name_en, dayOff: holiday.day_off))
            }
        }
        return result.sorted { $0.date < $1.date }
    }
}
