import Foundation

/// The demo data set of `Resources/demo.json`: organisations, people, the dialogue plan and SA Days.
struct DemoCatalogue: Decodable {
    struct Organisation: Decodable {
        let key: String
        let name: String
        let kind: TovCore.Organisation.Kind
        let place: String?
        let phone: String
        let email: String
    }

    struct Person: Decodable {
        let key: String
        let name: String
        let organisation: String
        let title: String
        let phone: String
        let email: String
        let expertise: String
    }

    struct Meeting: Decodable {
        let topic: Int
        let keynote: String
        let lead_discussants: [String]
        let presenters: [String]
    }

    struct Dialogue: Decodable {
        let title_mn: String
        let title_en: String
        let venue: String
        let place: String
        let start_time: String
        let end_time: String
        let moderator: String
        let meetings: [Meeting]
        let invited_kinds: [TovCore.Organisation.Kind]
    }

    struct ProgrammePerson: Decodable {
        let person: String
        let role: Assignment.Role
    }

    struct ProgrammeEntry: Decodable {
        let kind: ProgrammeItem.Kind
        let service_area: ProgrammeItem.ServiceArea?
        let title: String
        let start: String
        let end: String
        let people: [ProgrammePerson]
    }

    struct SADay: Decodable {
        let place: String
        let title: String
        let public_event: String
        let month: Int
        let day: Int
        let start_time: String
        let end_time: String
        let venue: String
        let co_organisers: [String]
        let programme: [ProgrammeEntry]
    }

    let organisations: [Organisation]
    let people: [Person]
    let dialogue: Dialogue
    let sa_days: [SADay]

    /// The embedded catalogue.
    static func embedded() throws -> DemoCatalogue {
        try JSONDecoder().decode(DemoCatalogue.self, from: try EmbeddedFile.data(named: "demo.json"))
    }
}
