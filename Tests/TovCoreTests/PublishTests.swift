import Foundation
import Testing
import TovCore

/// The published schedule (`tov export`): what a reader of the web page, the Markdown or the announcement sees.
@Suite struct PublishTests {
    let store = InMemoryStore()

    func day(_ text: String) -> LocalDate { try! LocalDate(parsing: text) }

    func schedule(_ date: String, _ start: String, _ end: String, zone: Zone = .ulaanbaatar) throws -> Schedule {
        try Schedule(start: LocalDateTime(date: day(date), time: LocalTime(parsing: start)),
                     end: LocalDateTime(date: day(date), time: LocalTime(parsing: end)), zone: zone)
    }

    /// November 2026: a dialogue in Ulaanbaatar with its programme and people, an SA Day in Khovd (UTC+7)
    /// with a presenter, and a cancelled meeting.
    func novemberSchedule() throws -> (dialogue: Event, saDay: Event, cancelled: Event) {
        let ngo = Organisation(name: "Иргэний дуу хоолой ТББ", kind: .ngo)
        let council = Organisation(name: "Ховд аймгийн Засаг даргын тамгын газар", kind: .localAdministration)
        let keynote = Person(name: "Б. Энхтуяа", organisationID: ngo.id)
        let discussant = Person(name: "Д. Ганбат")
        let moderator = Person(name: "С. Оюун")
        let presenter = Person(name: "Ж. Болд")
        let topic = Topic(titleMn: "Худалдан авалтанд хэрхэн мониторинг хийх вэ?", titleEn: "How to monitor procurement?",
                          proposedOn: day("2026-09-01"), status: .scheduled)
        let dialogue = Event(kind: .dialogue, title: "ТББ-ын диалоги", schedule: try schedule("2026-11-19", "14:00", "17:00"),
                             placeCode: "MN-1-SB", venue: "Төрийн ордон, Б танхим", topicID: topic.id)
        let saDay = Event(kind: .saDay, title: "Ховд аймгийн Нийгмийн эгэх хариуцлагын өдөрлөг",
                          schedule: try schedule("2026-11-26", "10:00", "17:00", zone: .hovd), status: .tentative,
                          placeCode: "MN-043", venue: "Аймгийн соёлын төв", publicEvent: "Ховдын намрын үзэсгэлэн")
        let cancelled = Event(kind: .dialogue, title: "Хойшилсон уулзалт", schedule: try schedule("2026-11-05", "14:00", "16:00"),
                              status: .cancelled)
        let keynoteItem = ProgrammeItem(eventID: dialogue.id, kind: .keynote, title: "Худалдан авалтын мониторинг",
                                        start: try LocalTime(parsing: "14:00"), end: try LocalTime(parsing: "14:40"))
        let panel = ProgrammeItem(eventID: dialogue.id, kind: .panel, title: "Тэргүүлэгч хэлэлцүүлэгчдийн үг",
                                  start: try LocalTime(parsing: "14:40"), end: try LocalTime(parsing: "15:20"))
        let stand = ProgrammeItem(eventID: saDay.id, kind: .informationStand, title: "Эрүүл мэндийн үйлчилгээний мэдээлэл",
                                  serviceArea: .health, start: try LocalTime(parsing: "10:00"), end: try LocalTime(parsing: "12:00"))
        try store.write { session in
            for organisation in [ngo, council] { try session.save(organisation) }
            for person in [keynote, discussant, moderator, presenter] { try session.save(person) }
            try session.save(topic)
            for event in [dialogue, saDay, cancelled] { try session.save(event) }
            for item in [keynoteItem, panel, stand] { try session.save(item) }
            try session.save(Assignment(eventID: dialogue.id, programmeItemID: keynoteItem.id, holder: .person(keynote.id), role: .keynote))
            try session.save(Assignment(eventID: dialogue.id, programmeItemID: panel.id, holder: .person(discussant.id), role: .leadDiscussant))
            try session.save(Assignment(eventID: dialogue.id, holder: .person(moderator.id), role: .moderator))
            try session.save(Assignment(eventID: saDay.id, programmeItemID: stand.id, holder: .person(presenter.id), role: .presenter))
            try session.save(Assignment(eventID: saDay.id, holder: .organisation(council.id), role: .coOrganiser))
        }
        return (dialogue, saDay, cancelled)
    }

    func page(_ from: String = "2026-11-01", _ through: String = "2026-11-30") throws -> SchedulePage {
        try store.read { try SchedulePage(from: day(from), through: day(through), session: $0) }
    }

    /// An event whose title tries to be markup, and carries control characters.
    func saveHostileEvent() throws {
        let event = Event(kind: .event, title: "<script>alert(\"x\")</script> Tom & 'Jerry' *x* [a](b) a|b ~~c~~ \u{01}\u{07}#",
                          schedule: try schedule("2026-11-10", "09:00", "10:00"), venue: "<img src=x onerror=alert(1)>")
        try store.write { try $0.save(event) }
    }

    // MARK: - HTML

    @Test func htmlPageIsInMongolianByDefaultWithTheMonthAndTheMeetings() throws {
        _ = try novemberSchedule()
        let html = try page().html()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"mn\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("<h2>2026 оны 11-р сар</h2>"))
        // Monday first, in Mongolian.
        #expect(html.contains("<th scope=\"col\">Даваа</th><th scope=\"col\">Мягмар</th>"))
        #expect(html.contains("<h2>Арга хэмжээнүүд</h2>"))
        #expect(html.contains("2026 оны 11-р сарын 19, Пүрэв"))
        #expect(html.contains("ТББ-ын диалоги"))
        #expect(html.contains("батлагдсан"))
        #expect(html.contains("Худалдан авалтанд хэрхэн мониторинг хийх вэ?"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("src="))
    }

    @Test func htmlPageInEnglishNamesMonthsDaysAndKindsInEnglish() throws {
        _ = try novemberSchedule()
        let html = try page().html(in: .en)
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("<h2>November 2026</h2>"))
        #expect(html.contains("<th scope=\"col\">Monday</th>"))
        #expect(html.contains("Thursday, 19 November 2026"))
        #expect(html.contains("How to monitor procurement?"))
        #expect(html.contains("NGO Dialogue"))
    }

    @Test func gridPutsEachMeetingOnItsDayWithItsTimeAndLinksToItsDetails() throws {
        _ = try novemberSchedule()
        let html = try page().html()
        // November 2026 starts on a Sunday: six empty days before it in the first week.
        let firstWeek = String(repeating: "<td class=\"outside\"></td>", count: 6) + "<td class=\"weekend\"><span class=\"day\">1</span></td>"
        #expect(html.contains("<tr>" + firstWeek + "</tr>"))
        #expect(html.contains("<span class=\"day\">19</span><ul><li class=\"kind-dialogue\"><a href=\"#m1\"><time>14:00</time> ТББ-ын диалоги</a></li></ul>"))
        #expect(html.contains("<article class=\"event kind-dialogue\" id=\"m1\">"))
    }

    @Test func khovdSADayShowsItsLocalTimeAtUTCPlus7AndUlaanbaatarsToo() throws {
        _ = try novemberSchedule()
        let html = try page().html()
        #expect(html.contains("10:00–17:00 <span class=\"zone\">(орон нутгийн цагаар, UTC+7; Улаанбаатарын цагаар 11:00–18:00)</span>"))
        #expect(html.contains("Ховд, Аймгийн соёлын төв"))
        #expect(html.contains("НЭХ өдөрлөг"))
        #expect(html.contains("урьдчилсан"))
        #expect(html.contains("Ховдын намрын үзэсгэлэн"))
        // Ulaanbaatar's own meetings say no zone.
        #expect(html.components(separatedBy: "UTC+").count == 2)
    }

    @Test func meetingsListTheirProgrammeAndPeopleInTheirRoles() throws {
        _ = try novemberSchedule()
        let html = try page().html()
        #expect(html.contains("<td class=\"time\">14:00–14:40</td><td><span class=\"item\">Худалдан авалтын мониторинг</span> <span class=\"item-kind\">(гол илтгэл)</span>"))
        #expect(html.contains("<li><span class=\"name\">Б. Энхтуяа</span>, Иргэний дуу хоолой ТББ <span class=\"role\">— гол илтгэгч</span></li>"))
        #expect(html.contains("<span class=\"name\">Д. Ганбат</span> <span class=\"role\">— тэргүүлэгч хэлэлцүүлэгч</span>"))
        #expect(html.contains("<span class=\"name\">С. Оюун</span> <span class=\"role\">— хөтлөгч</span>"))
        #expect(html.contains("<span class=\"name\">Ж. Болд</span> <span class=\"role\">— илтгэгч</span>"))
        #expect(html.contains("Ховд аймгийн Засаг даргын тамгын газар</span> <span class=\"role\">— хамтран зохион байгуулагч</span>"))
        // Programme items in the order they run.
        let keynote = try #require(html.range(of: "Худалдан авалтын мониторинг"))
        let panel = try #require(html.range(of: "Тэргүүлэгч хэлэлцүүлэгчдийн үг"))
        #expect(keynote.lowerBound < panel.lowerBound)
    }

    @Test func cancelledMeetingsAreLeftOutOfTheGridAndListedStruckThrough() throws {
        let (_, _, cancelled) = try novemberSchedule()
        let page = try page()
        #expect(page.cancelled.map(\.occurrence.eventID) == [cancelled.id])
        #expect(!page.entries.contains { $0.occurrence.eventID == cancelled.id })
        let html = page.html()
        #expect(html.contains("<h2>Цуцалсан арга хэмжээ</h2>"))
        #expect(html.contains("<li><s>2026 оны 11-р сарын 5, Пүрэв, 14:00–16:00 — Хойшилсон уулзалт</s> (цуцалсан)</li>"))
        #expect(html.components(separatedBy: "Хойшилсон уулзалт").count == 2)
    }

    @Test func hostileTitleAppearsOnlyEscapedInHTML() throws {
        try saveHostileEvent()
        let html = try page().html()
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Tom &amp; &#39;Jerry&#39;"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func emptyRangeSaysNothingIsScheduled() throws {
        let html = try page("2031-03-01", "2031-03-31").html()
        #expect(html.contains("<h2>2031 оны 3-р сар</h2>"))
        #expect(html.contains("Энэ хугацаанд товлосон арга хэмжээ алга."))
    }

    @Test func pageCoversEveryMonthOfTheRangeAndOnlyItsDays() throws {
        _ = try novemberSchedule()
        let page = try page("2026-11-20", "2027-01-10")
        #expect(page.months == [day("2026-11-01"), day("2026-12-01"), day("2027-01-01")])
        // The dialogue on the 19th is before the range; the Khovd day on the 26th is in it.
        #expect(page.entries.map(\.occurrence.kind) == [.saDay])
        let html = page.html()
        #expect(html.contains("<td class=\"outside\"><span class=\"day\">19</span></td>"))
    }

    @Test func monthGridsStartOnMonday() {
        let weeks = SchedulePage.weeks(of: day("2026-11-01"))
        #expect(weeks.count == 6)
        #expect(weeks[0] == [nil, nil, nil, nil, nil, nil, day("2026-11-01")])
        #expect(weeks[5] == [day("2026-11-30"), nil, nil, nil, nil, nil, nil])
        #expect(SchedulePage.weeks(of: day("2027-02-01")).count == 4)
    }

    // MARK: - Markdown and text

    @Test func markdownHasMonthHeadingsDaysAndMeetingsWithProgramme() throws {
        _ = try novemberSchedule()
        let md = try page().markdown()
        #expect(md.hasPrefix("# ТББ-ын диалоги ба НЭХ өдөрлөгийн хуваарь\n"))
        #expect(md.contains("## 2026 оны 11-р сар\n"))
        #expect(md.contains("- **2026 оны 11-р сарын 19, Пүрэв**: 14:00 ТББ-ын диалоги"))
        #expect(md.contains("### ТББ-ын диалоги\n"))
        #expect(md.contains("- **Цаг:** 10:00–17:00 (орон нутгийн цагаар, UTC+7; Улаанбаатарын цагаар 11:00–18:00)"))
        #expect(md.contains("- 14:00–14:40 Худалдан авалтын мониторинг (гол илтгэл) — гол илтгэгч: Б. Энхтуяа (Иргэний дуу хоолой ТББ)"))
        #expect(md.contains("- ~~2026 оны 11-р сарын 5, Пүрэв, 14:00–16:00 — Хойшилсон уулзалт~~ (цуцалсан)"))
    }

    @Test func hostileTitleAppearsOnlyEscapedInMarkdown() throws {
        try saveHostileEvent()
        let md = try page().markdown()
        #expect(md.contains("### &lt;script&gt;alert(\"x\")&lt;/script&gt; Tom &amp; 'Jerry' \\*x\\* \\[a\\](b) a&#124;b &#126;&#126;c&#126;&#126; \\#\n"))
        #expect(!md.contains("<script"))
        #expect(!md.contains("<img"))
        #expect(!md.contains("*x*"))
        #expect(!md.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func textAnnouncementGivesEachMeetingInAFewLines() throws {
        _ = try novemberSchedule()
        let text = try page().text()
        let expected = """
            2026 оны 11-р сарын 26, Пүрэв, 10:00–17:00 (орон нутгийн цагаар, UTC+7; Улаанбаатарын цагаар 11:00–18:00)
            Ховд аймгийн Нийгмийн эгэх хариуцлагын өдөрлөг (НЭХ өдөрлөг, урьдчилсан)
            Хаана: Ховд, Аймгийн соёлын төв
            Уялдсан арга хэмжээ: Ховдын намрын үзэсгэлэн
            Илтгэгч: Ж. Болд
            Хамтран зохион байгуулагч: Ховд аймгийн Засаг даргын тамгын газар
            """
        #expect(text.hasPrefix("ТББ-ын диалоги ба НЭХ өдөрлөгийн хуваарь\n2026 оны 11-р сарын 1 – 2026 оны 11-р сарын 30\n"))
        #expect(text.contains(expected))
        // The dialogue is titled by its kind; the moderator is left to the page.
        #expect(text.contains("""

            2026 оны 11-р сарын 19, Пүрэв, 14:00–17:00
            ТББ-ын диалоги (батлагдсан)
            Хаана: Сүхбаатар, Төрийн ордон, Б танхим
            Сэдэв: Худалдан авалтанд хэрхэн мониторинг хийх вэ?
            Гол илтгэгч: Б. Энхтуяа (Иргэний дуу хоолой ТББ)
            Тэргүүлэгч хэлэлцүүлэгч: Д. Ганбат

            """))
        #expect(!text.contains("С. Оюун"))
        #expect(text.contains("Цуцалсан арга хэмжээ:\n- 2026 оны 11-р сарын 5, Пүрэв, 14:00–16:00 — Хойшилсон уулзалт"))
    }

    @Test func textAnnouncementStripsControlCharacters() throws {
        try saveHostileEvent()
        let text = try page().text()
        #expect(text.contains("<script>alert(\"x\")</script> Tom & 'Jerry'"))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func escapingCoversEveryCharacterThatIsMarkup() {
        // Swift refuses noncharacters in literals; they still come in from files.
        let nonCharacters = String(String.UnicodeScalarView([0xFFFE, 0xFDD0, 0x1FFFF].compactMap(Unicode.Scalar.init)))
        #expect(HTMLText.escape("a&b<c>d\"e'f\u{01}\u{07}" + nonCharacters + "g") == "a&amp;b&lt;c&gt;d&quot;e&#39;fg")
        #expect(MarkdownText.escape("\\`*_[]#<>&|~") == "\\\\\\`\\*\\_\\[\\]\\#&lt;&gt;&amp;&#124;&#126;")
    }

    @Test func anSADayGivesThePublicEventItIsAttachedToWithItsDate() throws {
        var event = Event(kind: .saDay, title: "Ховдын НЭХ өдөрлөг", schedule: try schedule("2026-11-12", "10:00", "17:00", zone: Zone("Asia/Hovd")),
                          placeCode: "MN-043", publicEvent: "Аймгийн наадам")
        event.publicEventDate = day("2026-11-14")
        try store.write { try Meetings.save(event, in: $0) }
        let page = try page()
        for text in [page.html(in: .mn), page.markdown(in: .mn), page.text(in: .mn)] {
            #expect(text.contains("Аймгийн наадам, 2026 оны 11-р сарын 14"))
        }
    }
}
