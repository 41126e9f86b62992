import Foundation
import TovCore

/// The people, organisations and topics an import links its records to: found among those the database
/// holds (by UUID, then e-mail, then exact name, or a topic by UUID then exact title) or made new.
///
/// What is made new is pending until the record that needs it is known to be written (`keep`); a record
/// skipped or already here takes its new people back (`forget`), so they never reach the database alone.
///
///     let directory = try ImportDirectory(session)
///     let holder = directory.holder(name: "Б. Сараа", email: "saraa@example.mn", …)
///     directory.keep()
final class ImportDirectory {
    private var people: [UUID: Person] = [:]
    private var peopleByEmail: [String: UUID] = [:]
    private var peopleByName: [String: UUID] = [:]
    private var organisations: [UUID: Organisation] = [:]
    private var organisationsByEmail: [String: UUID] = [:]
    private var organisationsByName: [String: UUID] = [:]
    private var topics: [UUID: Topic] = [:]
    private var topicsByTitle: [String: UUID] = [:]

    /// Made for records being read and not yet kept.
    private var pending = Made()
    /// Made for records that will be written.
    private(set) var made = Made()

    /// Records new to the database.
    struct Made {
        var organisations: [Organisation] = []
        var people: [Person] = []
        var topics: [Topic] = []

        var isEmpty: Bool { organisations.isEmpty && people.isEmpty && topics.isEmpty }
    }

    /// Reads every live person, organisation and topic once.
    init(_ session: any ScheduleSession) throws {
        for organisation in try session.organisations() { index(organisation) }
        for person in try session.people() { index(person) }
        for topic in try session.topics() { index(topic) }
    }

    /// The pending records become part of what is written.
    func keep() {
        guard !pending.isEmpty else { return }
        made.organisations += pending.organisations
        made.people += pending.people
        made.topics += pending.topics
        pending = Made()
    }

    /// The pending records are dropped, as if never looked up.
    func forget() {
        for person in pending.people {
            people[person.id] = nil
            if let email = person.email, peopleByEmail[email] == person.id { peopleByEmail[email] = nil }
            if peopleByName[person.name] == person.id { peopleByName[person.name] = nil }
        }
        for organisation in pending.organisations {
            organisations[organisation.id] = nil
            if let email = organisation.email, organisationsByEmail[email] == organisation.id { organisationsByEmail[email] = nil }
            if organisationsByName[organisation.name] == organisation.id { organisationsByName[organisation.name] = nil }
        }
        for topic in pending.topics {
            topics[topic.id] = nil
            for title in [topic.titleMn, topic.titleEn].compactMap({ $0 }) where topicsByTitle[title] == topic.id {
                topicsByTitle[title] = nil
            }
        }
        pending = Made()
    }

    // MARK: - People and organisations

    /// The person or organisation an ATTENDEE or ORGANIZER names, made new when none matches.
    func holder(for reference: ICalendarEvent.PersonReference) -> Assignment.Holder {
        let name = reference.name ?? reference.email ?? ""
        if reference.isOrganisation {
            return .organisation(organisation(id: reference.id, name: name, email: reference.email))
        }
        if let id = reference.id, people[id] != nil { return .person(id) }
        if let email = reference.email, let id = peopleByEmail[email] { return .person(id) }
        if let id = peopleByName[name] { return .person(id) }
        var organisationID: UUID?
        if reference.organisationID != nil || reference.organisationName != nil {
            if let id = reference.organisationID, organisations[id] != nil {
                organisationID = id
            } else if let organisationName = reference.organisationName {
                organisationID = organisation(id: reference.organisationID, name: organisationName, email: nil)
            }
        }
        let person = Person(
            id: reference.id ?? StableID.make("ics-person:" + (reference.email ?? name)), name: name,
            organisationID: organisationID, email: reference.email
        )
        index(person)
        pending.people.append(person)
        return .person(person.id)
    }

    private func organisation(id: UUID?, name: String, email: String?) -> UUID {
        if let id, organisations[id] != nil { return id }
        if let email, let id = organisationsByEmail[email] { return id }
        if let id = organisationsByName[name] { return id }
        let organisation = Organisation(
            id: id ?? StableID.make("ics-organisation:" + (email ?? name)), name: name, kind: .other, email: email
        )
        index(organisation)
        pending.organisations.append(organisation)
        return organisation.id
    }

    // MARK: - Topics

    /// The topic X-TOV-TOPIC names, made new (scheduled, proposed on `date`) when none matches.
    func topic(for reference: ICalendarEvent.TopicReference, proposedOn date: LocalDate) -> UUID {
        if let id = reference.id, topics[id] != nil { return id }
        if let id = topicsByTitle[reference.title] { return id }
        let topic = Topic(
            id: reference.id ?? StableID.make("ics-topic:" + reference.title), titleMn: reference.title,
            titleEn: reference.titleEn, proposedOn: date, status: .scheduled
        )
        index(topic)
        pending.topics.append(topic)
        return topic.id
    }

    /// A topic known to the directory, stored or new.
    func topic(_ id: UUID) -> Topic? { topics[id] }

    // MARK: - Indexes

    private func index(_ person: Person) {
        people[person.id] = person
        if let email = person.email?.lowercased(), peopleByEmail[email] == nil { peopleByEmail[email] = person.id }
        if peopleByName[person.name] == nil { peopleByName[person.name] = person.id }
    }

    private func index(_ organisation: Organisation) {
        organisations[organisation.id] = organisation
        if let email = organisation.email?.lowercased(), organisationsByEmail[email] == nil { organisationsByEmail[email] = organisation.id }
        if organisationsByName[organisation.name] == nil { organisationsByName[organisation.name] = organisation.id }
    }

    private func index(_ topic: Topic) {
        topics[topic.id] = topic
        for title in [topic.titleMn, topic.titleEn].compactMap({ $0 }) where topicsByTitle[title] == nil {
            topicsByTitle[title] = topic.id
        }
    }
}
