import Testing
@testable import TovCore

@Suite struct ReferenceDataTests {
    let reference = ReferenceData.shared

    @Test func knowsAllAimagsAndDistricts() {
        #expect(reference.places.filter { $0.kind == .aimag }.count == 21)
        #expect(reference.places.filter { $0.kind == .capitalDistrict }.count == 9)
    }

    @Test func theWestKeepsKhovdTime() throws {
        for name in ["Khovd", "Uvs", "Bayan-Ölgii"] {
            #expect(try reference.place(named: name).zone == .hovd)
        }
        #expect(try reference.place(named: "Orkhon").zone == .ulaanbaatar)
    }

    @Test func findsPlacesByCodeOrNameInEitherLanguage() throws {
        #expect(try reference.place(named: "MN-043").nameEn == "Khovd")
        #expect(try reference.place(named: "khovd").code == "MN-043")
        #expect(try reference.place(named: "Ховд").code == "MN-043")
        #expect(try reference.place(named: "Bayan-Olgii").code == "MN-071")
        #expect(try reference.place(named: "Bayanzurkh").code == "MN-1-BZ")
    }

    @Test func sukhbaatarNeedsItsCodeOrItsKind() throws {
        #expect(throws: ValidationError.self) { try reference.place(named: "Sükhbaatar") }
        #expect(try reference.place(named: "MN-1-SB").kind == .capitalDistrict)
        #expect(try reference.place(named: "Сүхбаатар дүүрэг").code == "MN-1-SB")
        #expect(try reference.place(named: "Sükhbaatar aimag").code == "MN-051")
    }

    @Test func readsANameFollowedByItsKindAsAddressesWriteIt() throws {
        #expect(try reference.place(named: "Ховд аймаг").code == "MN-043")
        #expect(try reference.place(named: " Баянзүрх  дүүрэг ").code == "MN-1-BZ")
        #expect(throws: ValidationError.self) { try reference.place(named: "Ховд дүүрэг") }
    }

    @Test func refusesUnknownPlacesByName() {
        #expect(throws: ValidationError("'Atlantis' is not a known aimag or district; `tov places` lists them")) {
            try reference.place(named: "Atlantis")
        }
    }

    @Test func holidaysIncludeNaadamAndTsagaanSar() throws {
        func daysOff(_ text: String) throws -> [Holiday] {
            let date = try LocalDate(parsing: text)
            return reference.holidays.filter { $0.date == date && $0.dayOff }
        }
        #expect(!(try daysOff("2026-07-11")).isEmpty)
        #expect(!(try daysOff("2026-02-18")).isEmpty)
        #expect((try daysOff("2026-11-23")).isEmpty)
    }

    @Test func carriesTheNineSeedTopicsInBothLanguages() {
        #expect(reference.seedTopics.count == 9)
        #expect(reference.seedTopics[0].titleMn.hasPrefix("Иргэдийн онооны карт"))
        #expect(reference.seedTopics.allSatisfy { !$0.titleEn.isEmpty })
    }
}
