import Testing
@testable import TovCore

@Suite struct RuleDescriptionTests {
    @Test(arguments: [
        ("FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH", "2 сар тутам, сарын 3 дахь пүрэв гарагт", "every 2 months on the third Thursday"),
        ("FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR", "2 сар тутам, сарын сүүлийн баасан гарагт", "every 2 months on the last Friday"),
        ("FREQ=MONTHLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "2 сар тутам, сарын сүүлийн ажлын өдөрт",
         "every 2 months on the last weekday"),
        ("FREQ=WEEKLY;BYDAY=MO,FR", "долоо хоног бүр, даваа, баасан гарагт", "every week on Monday and Friday"),
        ("FREQ=DAILY;COUNT=10", "өдөр бүр, нийт 10 удаа", "every day, 10 times"),
        ("FREQ=MONTHLY;BYMONTHDAY=1,15", "сар бүр, сарын 1, 15-нд", "every month on the 1st and 15th"),
        ("FREQ=MONTHLY;BYMONTHDAY=-1;UNTIL=20261231", "сар бүр, сарын сүүлийн өдөр, 2026 оны 12-р сарын 31 хүртэл",
         "every month on the last day, until 31 December 2026"),
        ("FREQ=YEARLY;BYMONTH=6,7", "жил бүр, 6, 7-р сард", "every year in June and July"),
        ("FREQ=YEARLY;BYDAY=20MO", "жил бүр, жилийн 20 дахь даваа гарагт", "every year on the 20th Monday of the year"),
        ("FREQ=DAILY;BYHOUR=9,17;BYMINUTE=0", "өдөр бүр, 09:00, 17:00 цагт", "every day at 09:00 and 17:00"),
        ("FREQ=HOURLY;INTERVAL=3", "3 цаг тутам", "every 3 hours"),
    ])
    func readsLikeAPersonSaysIt(rule: String, mongolian: String, english: String) throws {
        let description = RuleDescription(try RecurrenceRule(parsing: rule))
        #expect(description.text(in: .mn) == mongolian)
        #expect(description.text(in: .en) == english)
    }

    @Test func namesDTSTARTsDayWhenTheRuleHasNoDayPart() throws {
        let start = try LocalDateTime(parsing: "2026-01-15T10:00:00")
        let monthly = RuleDescription(try RecurrenceRule(parsing: "FREQ=MONTHLY"), start: start)
        #expect(monthly.text(in: .en) == "every month on the 15th")
        #expect(monthly.text(in: .mn) == "сар бүр, сарын 15-нд")
        let yearly = RuleDescription(try RecurrenceRule(parsing: "FREQ=YEARLY"), start: start)
        #expect(yearly.text(in: .en) == "every year on 15 January")
        #expect(yearly.text(in: .mn) == "жил бүр, 1-р сарын 15-нд")
        let weekly = RuleDescription(try RecurrenceRule(parsing: "FREQ=WEEKLY;INTERVAL=2"), start: start)
        #expect(weekly.text(in: .en) == "every 2 weeks on Thursday")
    }
}
