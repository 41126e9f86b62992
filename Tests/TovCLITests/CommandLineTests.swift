import Foundation
import Testing
import TovTestSupport

/// End-to-end: the real binary, its exit codes, its output and its errors.
@Suite(.serialized) struct CommandLineTests: DatabaseSuite {
    let folder = try! TemporaryFolder()

    // MARK: - The done-when of the foundation

    @Test func demoYearListsADialogueMeetingEveryTwoMonthsWithTopicAndKeynote() throws {
        let demo = try tov("demo", "--from", "2026-01-01")
        #expect(demo.status == 0, "\(demo.stderr)")
        let agenda = try tov("agenda", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "json")
        #expect(agenda.status == 0, "\(agenda.stderr)")
        let entries = try #require(try json(agenda) as? [[String: Any]])
        let meetings = entries.filter { $0["kind"] as? String == "dialogue" }
        #expect(meetings.compactMap { ($0["start"] as? String)?.prefix(10) }.map(String.init) ==
                ["2026-01-15", "2026-03-19", "2026-05-21", "2026-07-16", "2026-09-17", "2026-11-19"])
        for meeting in meetings {
            #expect(meeting["topic"] is String)
            let people = try #require(meeting["people"] as? [[String: String]])
            #expect(people.contains { $0["role"] == "keynote" })
            #expect(meeting["recurrenceId"] is String)
        }
        let saDays = entries.filter { $0["kind"] as? String == "sa-day" }
        #expect(saDays.count >= 7)
        #expect(saDays.contains { $0["timeZone"] as? String == "Asia/Hovd" })
    }

    // MARK: - Recurrence

    @Test func recurPreviewsSixThirdThursdaysTwoMonthsApart() throws {
        let result = try tov("recur", "--start", "2026-01-15T10:00:00", "--rule", "FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH", "--limit", "6")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            2026-01-15T10:00:00
            2026-03-19T10:00:00
            2026-05-21T10:00:00
            2026-07-16T10:00:00
            2026-09-17T10:00:00
            2026-11-19T10:00:00

            """)
        let until = try tov("recur", "--start", "2026-01-15T10:00:00", "--rule", "FREQ=WEEKLY", "--to", "2026-01-29T10:00:00")
        #expect(until.stdout.split(separator: "\n").count == 3)
        let json = try #require(try json(try tov("recur", "--start", "2026-01-01T09:00:00", "--rule",
                                                 "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "--limit", "2",
                                                 "--format", "json", "--lang", "en")) as? [String: Any])
        #expect(json["starts"] as? [String] == ["2026-01-30T09:00:00", "2026-02-27T09:00:00"])
        #expect(json["description"] as? String == "every month on the last weekday")
    }

    @Test func recurRefusesABadRuleInOneLineNamingThePart() throws {
        for (rule, part) in [("FREQ=MONTHLY;BYDAY=3XX", "BYDAY=3XX"), ("FREQ=MONTHLY;BYWEEKNO=3", "BYWEEKNO=3"),
                             ("FREQ=HOURLY;INTERVAL=2;BYHOUR=1", "BYHOUR=1"), ("FREQ=DAILY;BYSETPOS=1", "BYSETPOS=1")] {
            let result = try tov("recur", "--start", "2026-01-15T10:00:00", "--rule", rule)
            #expect(result.status == 2, "\(rule)")
            #expect(result.stderr.hasPrefix("tov: RRULE part \(part)"), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
    }

    /// Dialogue meetings in the agenda as "start status recurrenceId".
    func dialogueMeetings(from: String, to: String) throws -> [String] {
        let entries = try #require(try json(try tov("agenda", "--from", from, "--to", to, "--format", "json")) as? [[String: Any]])
        return entries.filter { $0["kind"] as? String == "dialogue" }.map {
            "\($0["start"] as? String ?? "") \($0["status"] as? String ?? "") \($0["recurrenceId"] as? String ?? "-")"
        }
    }

    @Test func movedAndCancelledMeetingsShowInTheAgendaSurviveARestartAndUndo() throws {
        _ = try tov("series", "add", "--title", "ТББ-ын диалоги", "--kind", "dialogue", "--date", "2026-01-15",
                    "--start", "14:00", "--end", "17:00", "--rule", "FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH")
        let list = try #require(try json(try tov("series", "list", "--format", "json")) as? [[String: Any]])
        let id = try #require(list.first?["id"] as? String)
        #expect(try tov("series", "move", id, "--meeting", "2026-03-19", "--date", "2026-03-26", "--start", "10:00").status == 0)
        #expect(try tov("series", "cancel", id, "--meeting", "2026-05-21").status == 0)
        // Each command is its own process: what the agenda shows was read back from the file.
        #expect(try dialogueMeetings(from: "2026-03-01", to: "2026-05-31") == [
            "2026-03-26T10:00:00 confirmed 2026-03-19T14:00:00", "2026-05-21T14:00:00 cancelled 2026-05-21T14:00:00",
        ])
        let undo = try tov("undo")
        #expect(undo.stdout == "Undone: Cancelled the meeting of 2026-05-21\n")
        #expect(try dialogueMeetings(from: "2026-05-01", to: "2026-05-31") == ["2026-05-21T14:00:00 confirmed 2026-05-21T14:00:00"])
        #expect(try tov("redo").status == 0)
        #expect(try tov("series", "restore", id, "--meeting", "2026-03-19").status == 0)
        #expect(try dialogueMeetings(from: "2026-03-01", to: "2026-05-31") == [
            "2026-03-19T14:00:00 confirmed 2026-03-19T14:00:00", "2026-05-21T14:00:00 cancelled 2026-05-21T14:00:00",
        ])
        // One meeting can have its own venue and topic.
        _ = try tov("topic", "add", "--title", "Худалдан авалт")
        let topicID = try #require((try json(try tov("topic", "list", "--format", "json")) as? [[String: Any]])?.first?["id"] as? String)
        #expect(try tov("series", "change", id, "--meeting", "2026-09-17", "--venue", "Төрийн ордон", "--topic", topicID).status == 0)
        let september = try #require(try json(try tov("agenda", "--from", "2026-09-17", "--to", "2026-09-17", "--format", "json")) as? [[String: Any]])
        #expect(september.first?["topic"] as? String == "Худалдан авалт")
        #expect((september.first?["location"] as? String)?.hasPrefix("Төрийн ордон") == true)
        #expect(september.first?["recurrenceId"] as? String == "2026-09-17T14:00:00")
        // Removing one meeting leaves the series; restoring brings the meeting back.
        #expect(try tov("series", "remove", id, "--meeting", "2026-07-16").status == 0)
        #expect(try dialogueMeetings(from: "2026-07-01", to: "2026-09-30") == ["2026-09-17T14:00:00 confirmed 2026-09-17T14:00:00"])
        #expect(try tov("series", "restore", id, "--meeting", "2026-07-16").status == 0)
        #expect(try dialogueMeetings(from: "2026-07-01", to: "2026-07-31") == ["2026-07-16T14:00:00 confirmed 2026-07-16T14:00:00"])
        let missing = try tov("series", "move", id, "--meeting", "2026-03-20", "--date", "2026-03-27")
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no meeting on 2026-03-20"))
    }

    @Test func aMeetingCanBeChangedAgainAfterRestoreAndARemovedOneStaysRemoved() throws {
        _ = try tov("series", "add", "--title", "Долоо хоног", "--date", "2026-03-02", "--start", "10:00",
                    "--rule", "FREQ=WEEKLY;BYDAY=MO")
        let id = try #require((try json(try tov("series", "list", "--format", "json")) as? [[String: Any]])?.first?["id"] as? String)
        for _ in 0..<2 {
            #expect(try tov("series", "cancel", id, "--meeting", "2026-03-09").status == 0)
            #expect(try tov("series", "restore", id, "--meeting", "2026-03-09").status == 0)
        }
        #expect(try tov("series", "remove", id, "--meeting", "2026-03-16").status == 0)
        let cancelRemoved = try tov("series", "cancel", id, "--meeting", "2026-03-16")
        #expect(cancelRemoved.status == 2 && cancelRemoved.stderr.contains("has been removed"))
        // Splitting to a new time takes the removed meeting along, still removed.
        #expect(try tov("series", "split", id, "--meeting", "2026-03-09", "--start", "14:00").status == 0)
        let march = try #require(try json(try tov("agenda", "--from", "2026-03-09", "--to", "2026-03-23", "--format", "json")) as? [[String: Any]])
        #expect(march.compactMap { $0["start"] as? String } == ["2026-03-09T14:00:00", "2026-03-23T14:00:00"])
        // A new rule must have the split meeting as its first.
        let badRule = try tov("series", "split", id, "--meeting", "2026-03-02", "--rule", "FREQ=WEEKLY;BYDAY=TU")
        #expect(badRule.status == 2)
        let shiftDaily = try tov("series", "add", "--title", "Өдөр бүр", "--date", "2026-03-02", "--start", "09:00",
                                 "--rule", "FREQ=DAILY", "--shift", "next-working-day")
        #expect(shiftDaily.status == 2 && shiftDaily.stderr.contains("piling"))
        let huge = try tov("series", "show", id, "--count", "9223372036854775807")
        #expect(huge.status == 2)
    }

    @Test func splitKeepsEarlierMeetingsAndUndoJoinsTheSeriesAgain() throws {
        _ = try tov("series", "add", "--title", "ТББ-ын диалоги", "--kind", "dialogue", "--date", "2026-01-15",
                    "--start", "14:00", "--end", "17:00", "--rule", "FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH")
        let id = try #require((try json(try tov("series", "list", "--format", "json")) as? [[String: Any]])?.first?["id"] as? String)
        let split = try tov("series", "split", id, "--meeting", "2026-07-16", "--start", "10:00", "--end", "12:00")
        #expect(split.status == 0, "\(split.stderr)")
        #expect(try dialogueMeetings(from: "2026-05-01", to: "2026-09-30") == [
            "2026-05-21T14:00:00 confirmed 2026-05-21T14:00:00", "2026-07-16T10:00:00 confirmed 2026-07-16T10:00:00",
            "2026-09-17T10:00:00 confirmed 2026-09-17T10:00:00",
        ])
        #expect((try json(try tov("series", "list", "--format", "json")) as? [Any])?.count == 2)
        #expect(try tov("undo").status == 0)
        #expect((try json(try tov("series", "list", "--format", "json")) as? [Any])?.count == 1)
        #expect(try dialogueMeetings(from: "2026-07-01", to: "2026-07-31") == ["2026-07-16T14:00:00 confirmed 2026-07-16T14:00:00"])
    }

    @Test func holidaysCanBeAddedListedRemovedAndUndone() throws {
        let add = try tov("holiday", "add", "--date", "2026-03-16", "--name", "Нөхөж амрах өдөр", "--name-en", "Day off in lieu")
        #expect(add.status == 0, "\(add.stderr)")
        let listed = try #require(try json(try tov("holiday", "list", "--year", "2026", "--format", "json")) as? [[String: Any]])
        #expect(listed.contains { $0["date"] as? String == "2026-03-16" && $0["nameEn"] as? String == "Day off in lieu" })
        #expect(listed.contains { $0["nameMn"] as? String == "Цагаан сар" })
        _ = try tov("series", "add", "--title", "Сарын 15", "--date", "2026-01-15", "--start", "10:00",
                    "--rule", "FREQ=MONTHLY;BYMONTHDAY=15", "--shift", "next-working-day")
        let march = try #require(try json(try tov("agenda", "--from", "2026-03-01", "--to", "2026-03-31", "--format", "json")) as? [[String: Any]])
        #expect(march.map { $0["start"] as? String } == ["2026-03-17T10:00:00"])
        #expect(march.first?["recurrenceId"] as? String == "2026-03-15T10:00:00")
        #expect(try tov("holiday", "remove", "--date", "2026-03-16").status == 0)
        #expect(try tov("undo").stdout.hasPrefix("Undone: Removed holidays of 2026-03-16"))
        let missing = try tov("holiday", "remove", "--date", "2026-03-18")
        #expect(missing.status == 2 && missing.stderr == "tov: no holiday on 2026-03-18\n")
        let bad = try tov("holiday", "add", "--date", "2026-02-30", "--name", "x")
        #expect(bad.status == 2)
    }

    /// No rule, however strange, makes tov hang or crash: each is stored or refused in one line, and the
    /// agenda, the series list and the series' page answer at once.
    @Test(.timeLimit(.minutes(2)))
    func strangeRulesNeverHangOrCrash() throws {
        let rules = [
            "FREQ=SECONDLY", "FREQ=MINUTELY;BYSECOND=0,30", "FREQ=SECONDLY;COUNT=1000000", "FREQ=HOURLY;INTERVAL=7;BYHOUR=0",
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "FREQ=YEARLY;BYWEEKNO=53;BYDAY=MO", "FREQ=YEARLY;BYYEARDAY=366;COUNT=3",
            "FREQ=MONTHLY;BYMONTHDAY=31,30,29;BYSETPOS=-1", "FREQ=DAILY;INTERVAL=1000000", "FREQ=MONTHLY;BYDAY=-5FR",
            "FREQ=YEARLY;UNTIL=99991231;BYMONTH=2;BYMONTHDAY=29", "FREQ=MINUTELY;INTERVAL=1000000;BYHOUR=5",
        ]
        for rule in rules {
            let add = try tov("series", "add", "--title", "x", "--date", "2026-01-01", "--start", "00:00", "--end", "00:00", "--rule", rule)
            #expect([0, 2].contains(add.status), "\(rule): \(add.stderr)")
            #expect(add.stderr.split(separator: "\n").count <= 1, "\(rule)")
        }
        for arguments in [["agenda", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "json"], ["series", "list"]] {
            let result = try TovBinary.run(["--db", db] + arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        // A rule repeating every second still shows the day's meetings, its first ten thousand.
        let day = try #require(try json(try tov("agenda", "--from", "2026-04-10", "--to", "2026-04-10", "--format", "json")) as? [[String: Any]])
        #expect(day.contains { $0["start"] as? String == "2026-04-10T00:00:00" })
        let ids = try #require(try json(try tov("series", "list", "--format", "json")) as? [[String: Any]]).compactMap { $0["id"] as? String }
        for id in ids {
            #expect(try tov("series", "show", id).status == 0)
        }
    }

    @Test func agendaJSONHasTheContractFields() throws {
        _ = try tov("demo", "--from", "2026-01-01")
        let agenda = try tov("agenda", "--from", "2026-01-01", "--to", "2026-06-30", "--format", "json")
        let entries = try #require(try json(agenda) as? [[String: Any]])
        #expect(!entries.isEmpty)
        for entry in entries {
            for key in ["uid", "title", "kind", "status", "start", "end", "allDay", "timeZone", "recurrenceId", "location", "topic", "people"] {
                #expect(entry.keys.contains(key), "missing \(key)")
            }
        }
        let single = try #require(entries.first { $0["kind"] as? String == "sa-day" })
        #expect(single["recurrenceId"] is NSNull)
    }

    @Test func agendaShowsTimesInTheAskedZone() throws {
        _ = try tov("event", "add", "--title", "Ховдын өдөрлөг", "--kind", "sa-day", "--date", "2026-07-09",
                    "--start", "10:00", "--end", "17:00", "--aimag", "Khovd")
        let local = try #require(try json(try tov("agenda", "--from", "2026-07-09", "--to", "2026-07-09", "--format", "json", "--tz", "Asia/Hovd")) as? [[String: Any]])
        #expect(local.first?["start"] as? String == "2026-07-09T10:00:00")
        let capital = try #require(try json(try tov("agenda", "--from", "2026-07-09", "--to", "2026-07-09", "--format", "json", "--tz", "Asia/Ulaanbaatar")) as? [[String: Any]])
        #expect(capital.first?["start"] as? String == "2026-07-09T11:00:00")
        #expect(capital.first?["timeZone"] as? String == "Asia/Hovd")
        let text = try tov("agenda", "--from", "2026-07-09", "--to", "2026-07-09", "--tz", "Asia/Ulaanbaatar")
        #expect(text.stdout.contains("  11:00–18:00  Ховдын өдөрлөг"))
        #expect(text.stdout.contains("10:00–17:00 local time (Asia/Hovd, UTC+7)"))
    }

    @Test func agendaCSVHasAHeaderAndQuotedFields() throws {
        _ = try tov("event", "add", "--title", "Сургалт, семинар", "--date", "2026-03-02", "--start", "10:00")
        let csv = try tov("agenda", "--from", "2026-03-02", "--to", "2026-03-02", "--format", "csv")
        let lines = csv.stdout.components(separatedBy: "\r\n")
        #expect(lines[0].hasPrefix("uid,title,kind,status,start,end,allDay,timeZone,recurrenceId"))
        #expect(lines[1].contains("\"Сургалт, семинар\""))
    }

    // MARK: - Refusals: one line, exit status 2, nothing changed

    @Test func refusesAFileThatIsNotADatabaseInOneLine() throws {
        let readme = folder.path("README.md")
        try Data("# tov\n".utf8).write(to: URL(fileURLWithPath: readme))
        let before = try Data(contentsOf: URL(fileURLWithPath: readme))
        let result = try TovBinary.run(["--db", readme, "agenda"])
        #expect(result.status == 2)
        #expect(result.stderr == "tov: \(readme) is not a tov database; it was left unchanged\n")
        #expect(result.stdout.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: readme)) == before)
    }

    @Test(arguments: [
        (["--date", "2026-02-30", "--start", "10:00"], "'2026-02-30' is not a date on the calendar"),
        (["--date", "2026-03-02", "--start", "25:00"], "'25:00' is not a time of day"),
        (["--date", "2026-03-02", "--start", "10:00", "--tz", "Mars/Olympus"], "'Mars/Olympus' is not a known time zone; use an IANA name such as Asia/Ulaanbaatar"),
        (["--date", "2026-03-02", "--start", "10:00", "--aimag", "Atlantis"], "'Atlantis' is not a known aimag or district; `tov places` lists them"),
        (["--date", "2026-03-02", "--start", "10:00", "--end", "09:00"], "the end 2026-03-02T09:00:00 is before the start 2026-03-02T10:00:00"),
        (["--date", "2026-03-02", "--start", "10:00", "--kind", "party"], "'party' is not a kind of event; use one of: dialogue, sa-day, event"),
    ])
    func badInputGivesOneClearLineAndStatus2(arguments: [String], message: String) throws {
        _ = try tov("org", "add", "--name", "first record", "--kind", "ngo")
        let result = try TovBinary.run(["--db", db, "event", "add", "--title", "x"] + arguments)
        #expect(result.status == 2)
        #expect(result.stderr == "tov: \(message)\n")
        let list = try tov("event", "list", "--format", "json")
        #expect(list.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
    }

    @Test func badAgendaOptionsAreRefused() throws {
        let date = try tov("agenda", "--from", "2026-13-01")
        #expect(date.status == 2 && date.stderr == "tov: '2026-13-01' is not a date on the calendar\n")
        let zone = try tov("agenda", "--tz", "Mars/Olympus")
        #expect(zone.status == 2 && zone.stderr.hasPrefix("tov: 'Mars/Olympus' is not a known time zone"))
        let unknown = try tov("agenda", "--format", "xml")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.split(separator: "\n").count == 1)
        let rule = try tov("series", "add", "--title", "x", "--date", "2026-01-15", "--start", "10:00", "--rule", "FREQ=FORTNIGHTLY")
        #expect(rule.status == 2 && rule.stderr.contains("FREQ"))
    }

    @Test func anErrorWrittenInMongolianIsSaidInMongolianToWhoReadsIt() throws {
        let asked = try tov("--lang", "mn", "agenda", "--from", "2026-02-30")
        #expect(asked.status == 2 && asked.stderr == "tov: “2026-02-30” гэсэн огноо хуанлид байхгүй\n")
        let after = try tov("agenda", "--lang=mn", "--tz", "Mars/Olympus")
        #expect(after.status == 2 && after.stderr.hasPrefix("tov: “Mars/Olympus” гэсэн цагийн бүс алга"))
        let locale = try TovBinary.run(["--db", db, "event", "add", "--title", "x", "--date", "2026-01-15", "--start", "25:00"],
                                       environment: ["LANG": "mn_MN.UTF-8"])
        #expect(locale.status == 2 && locale.stderr == "tov: “25:00” гэсэн цаг байхгүй\n")
        // English stays English, and an error with no Mongolian yet is said in English.
        let english = try tov("--lang", "en", "agenda", "--from", "2026-02-30")
        #expect(english.stderr == "tov: '2026-02-30' is not a date on the calendar\n")
        let untranslated = try tov("--lang", "mn", "series", "add", "--title", "x", "--date", "2026-01-15", "--start", "10:00",
                                   "--rule", "FREQ=FORTNIGHTLY")
        #expect(untranslated.status == 2 && untranslated.stderr.hasPrefix("tov: RRULE"))
    }

    /// A plain agenda request is read without ArgumentParser; every way of writing it, and every request it
    /// leaves to ArgumentParser, must come out as ArgumentParser reads it.
    @Test func agendaArgumentsReadEitherWayAgree() throws {
        _ = try tov("demo", "--from", "2026-01-01")
        let plain = try TovBinary.run(["--db", db, "--lang", "en", "agenda", "--from", "2026-03-01", "--to", "2026-03-31", "--format", "json"])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(try #require(try json(plain) as? [Any]).count > 0)
        for spelling in [
            ["--db=\(db)", "agenda", "--lang=en", "--from=2026-03-01", "--to=2026-03-31", "--format=json"],
            ["agenda", "--format", "json", "--to", "2026-03-31", "--db", db, "--from", "2026-03-01", "--lang", "en"],
        ] {
            let result = try TovBinary.run(spelling)
            #expect(result.status == 0 && result.stdout == plain.stdout, "\(spelling): \(result.stderr)")
        }
        // Left to ArgumentParser: help, a repeated option (the last one counts), an unknown option, a stray word,
        // a format named in capitals, a missing value.
        let help = try tov("agenda", "--help")
        #expect(help.status == 0 && help.stdout.contains("--format"))
        let repeated = try tov("agenda", "--from", "2026-03-01", "--from", "2026-03-02", "--to", "2026-03-09", "--format", "json")
        let last = try tov("agenda", "--from", "2026-03-02", "--to", "2026-03-09", "--format", "json")
        #expect(repeated.status == 0 && repeated.stdout == last.stdout)
        for arguments in [["agenda", "--frm", "2026-03-01"], ["agenda", "--from", "2026-03-01", "extra"],
                          ["agenda", "--format", "JSON"], ["agenda", "--tz"]] {
            let result = try TovBinary.run(["--db", db] + arguments)
            #expect(result.status == 2 && result.stdout.isEmpty && result.stderr.hasPrefix("tov: "), "\(arguments): \(result.stderr)")
        }
    }

    @Test func unknownIDsAreNamed() throws {
        _ = try tov("org", "add", "--name", "first record", "--kind", "ngo")
        let result = try tov("event", "show", "abcdef12")
        #expect(result.status == 2)
        #expect(result.stderr == "tov: no event has the id 'abcdef12'\n")
    }

    // MARK: - The verbs

    @Test func eventLifecycleAddShowEditCancelDelete() throws {
        let added = try tov("event", "add", "--title", "Орхоны өдөрлөг", "--kind", "sa-day", "--date", "2026-05-14",
                            "--start", "10:00", "--end", "17:00", "--aimag", "MN-035", "--venue", "Соёлын төв",
                            "--public-event", "Үйлдвэрлэгчдийн үзэсгэлэн")
        #expect(added.status == 0, "\(added.stderr)")
        let id = try #require(added.stdout.split(separator: " ").dropFirst().first.map(String.init))
        let shown = try #require(try json(try tov("event", "show", id, "--format", "json")) as? [String: Any])
        #expect(shown["title"] as? String == "Орхоны өдөрлөг")
        #expect(shown["timeZone"] as? String == "Asia/Ulaanbaatar")
        #expect(shown["publicEvent"] as? String == "Үйлдвэрлэгчдийн үзэсгэлэн")

        #expect(try tov("event", "edit", id, "--date", "2026-05-15", "--venue", "Спорт заал").status == 0)
        let edited = try #require(try json(try tov("event", "show", id, "--format", "json")) as? [String: Any])
        #expect(edited["start"] as? String == "2026-05-15T10:00:00")
        #expect(edited["end"] as? String == "2026-05-15T17:00:00")
        #expect(edited["venue"] as? String == "Спорт заал")

        #expect(try tov("event", "cancel", id).status == 0)
        let cancelled = try #require(try json(try tov("event", "show", id, "--format", "json")) as? [String: Any])
        #expect(cancelled["status"] as? String == "cancelled")

        #expect(try tov("event", "delete", id).status == 0)
        #expect(try tov("event", "show", id).status == 2)
        let may = try #require(try json(try tov("agenda", "--from", "2026-05-01", "--to", "2026-05-31", "--format", "json")) as? [Any])
        #expect(may.isEmpty)
    }

    @Test func allDayEventsUseDatesWithAnExclusiveEnd() throws {
        _ = try tov("event", "add", "--title", "Наадам", "--date", "2026-07-11", "--end-date", "2026-07-15", "--all-day")
        let entries = try #require(try json(try tov("agenda", "--from", "2026-07-01", "--to", "2026-07-31", "--format", "json")) as? [[String: Any]])
        #expect(entries.first?["start"] as? String == "2026-07-11")
        #expect(entries.first?["end"] as? String == "2026-07-16")
        #expect(entries.first?["allDay"] as? Bool == true)
    }

    @Test func seriesAppearInTheAgenda() throws {
        let added = try tov("series", "add", "--title", "ТББ-ын диалоги", "--kind", "dialogue", "--date", "2026-01-15",
                            "--start", "14:00", "--end", "17:00", "--rule", "FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH;COUNT=3")
        #expect(added.status == 0, "\(added.stderr)")
        let entries = try #require(try json(try tov("agenda", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "json")) as? [[String: Any]])
        #expect(entries.compactMap { $0["start"] as? String } == ["2026-01-15T14:00:00", "2026-03-19T14:00:00", "2026-05-21T14:00:00"])
        let list = try #require(try json(try tov("series", "list", "--format", "json")) as? [[String: Any]])
        #expect(list.first?["rule"] as? String == "FREQ=MONTHLY;INTERVAL=2;COUNT=3;BYDAY=3TH")
    }

    @Test func organisationsPeopleAndTopics() throws {
        let org = try tov("org", "add", "--name", "Өлгийн ТББ", "--kind", "ngo", "--aimag", "Bayan-Ölgii")
        #expect(org.status == 0, "\(org.stderr)")
        let orgID = String(org.stdout.split(separator: " ")[1])
        _ = try tov("org", "add", "--name", "Архангайн ТББ", "--kind", "ngo")
        let orgs = try #require(try json(try tov("org", "list", "--format", "json")) as? [[String: Any]])
        #expect(orgs.compactMap { $0["name"] as? String } == ["Архангайн ТББ", "Өлгийн ТББ"])

        let person = try tov("person", "add", "--name", "С. Серик", "--org", orgID, "--title", "Гүйцэтгэх захирал")
        #expect(person.status == 0, "\(person.stderr)")
        let people = try #require(try json(try tov("person", "list", "--format", "json")) as? [[String: Any]])
        #expect(people.first?["organisation"] as? String == "Өлгийн ТББ")
        let shown = try tov("org", "show", orgID)
        #expect(shown.stdout.contains("С. Серик"))

        _ = try tov("topic", "add", "--title", "Хуучин сэдэв", "--date", "2026-01-01")
        _ = try tov("topic", "add", "--title", "Онцлох сэдэв", "--date", "2026-02-01", "--pinned")
        let queue = try #require(try json(try tov("topic", "list", "--format", "json")) as? [[String: Any]])
        #expect(queue.compactMap { $0["title"] as? String } == ["Онцлох сэдэв", "Хуучин сэдэв"])
        #expect(queue.compactMap { $0["position"] as? Int } == [1, 2])
    }

    @Test func checkReportsAHealthyDatabase() throws {
        _ = try tov("demo", "--from", "2026-01-01")
        let check = try tov("check")
        #expect(check.status == 0)
        #expect(check.stdout.hasPrefix("OK: "))
    }

    @Test func demoRefusesADatabaseThatHoldsRecords() throws {
        _ = try tov("org", "add", "--name", "a", "--kind", "ngo")
        let result = try tov("demo")
        #expect(result.status == 2)
        #expect(result.stderr.contains("already holds records"))
    }

    @Test func mongolianOutputFollowsLangOrTheFlag() throws {
        _ = try tov("demo", "--from", "2026-01-01")
        let flag = try tov("--lang", "mn", "agenda", "--from", "2026-01-15", "--to", "2026-01-15")
        #expect(flag.stdout.contains("2026 оны 1-р сарын 15, Пүрэв"))
        let locale = try TovBinary.run(["--db", db, "agenda", "--from", "2026-01-15", "--to", "2026-01-15"], environment: ["LANG": "mn_MN.UTF-8"])
        #expect(locale.stdout.contains("Сэдэв: "))
        let english = try tov("--lang", "en", "agenda", "--from", "2026-01-15", "--to", "2026-01-15")
        #expect(english.stdout.contains("15 January 2026, Thursday"))
    }

    @Test func hostileTitlesArePrintedWithoutEscapes() throws {
        _ = try tov("event", "add", "--title", "Bad\u{1B}]0;pwned\u{07}title", "--date", "2026-03-02", "--start", "10:00")
        let text = try tov("agenda", "--from", "2026-03-02", "--to", "2026-03-02")
        #expect(!text.stdout.contains("\u{1B}"))
    }

    @Test func theDatabaseDefaultsToTovDBThenXDG() throws {
        let viaEnv = folder.path("env.sqlite")
        let added = try TovBinary.run(["org", "add", "--name", "x", "--kind", "ngo"], environment: ["TOV_DB": viaEnv])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(FileManager.default.fileExists(atPath: viaEnv))
        let xdg = folder.path("xdg")
        let viaXDG = try TovBinary.run(["org", "add", "--name", "x", "--kind", "ngo"], environment: ["XDG_DATA_HOME": xdg])
        #expect(viaXDG.status == 0, "\(viaXDG.stderr)")
        #expect(FileManager.default.fileExists(atPath: xdg + "/tov/tov.sqlite"))
    }

    @Test func aCopiedBinaryCarriesItsReferenceData() throws {
        let copy = folder.path("elsewhere/tov")
        try FileManager.default.createDirectory(atPath: folder.path("elsewhere"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: TovBinary.path, toPath: copy)
        let places = try Subprocess.run([copy, "--db", db, "places", "--format", "json"], environment: ["LANG": "C.UTF-8"])
        #expect(places.status == 0, "\(places.stderr)")
        let list = try #require(try json(places) as? [[String: Any]])
        #expect(list.count == 30)
        #expect(list.contains { $0["code"] as? String == "MN-043" && $0["timeZone"] as? String == "Asia/Hovd" })
        let demo = try Subprocess.run([copy, "--db", folder.path("copy.sqlite"), "demo", "--from", "2026-01-01"], environment: ["LANG": "C.UTF-8"])
        #expect(demo.status == 0, "\(demo.stderr)")
    }

    @Test func readingCommandsRefuseAMissingDatabase() throws {
        let result = try tov("agenda")
        #expect(result.status == 2)
        #expect(result.stderr == "tov: there is no tov database at \(db) yet; adding something (or `tov demo`) creates it\n")
        #expect(!FileManager.default.fileExists(atPath: db))
        let empty = try TovBinary.run(["--db", "", "agenda"])
        #expect(empty.status == 2 && empty.stderr == "tov: --db is empty; give the path of a database file\n")
    }

    @Test func deletingAChangedSeriesMeetingRemovesTheMeeting() throws {
        _ = try tov("demo", "--from", "2026-01-01")
        let before = try #require(try json(try tov("agenda", "--from", "2026-01-15", "--to", "2026-01-15", "--format", "json")) as? [[String: Any]])
        let meeting = try #require(before.first { $0["kind"] as? String == "dialogue" })
        let id = try #require(meeting["id"] as? String)
        #expect(try tov("event", "delete", id).status == 0)
        let after = try #require(try json(try tov("agenda", "--from", "2026-01-15", "--to", "2026-01-15", "--format", "json")) as? [[String: Any]])
        #expect(!after.contains { $0["kind"] as? String == "dialogue" })
        let march = try #require(try json(try tov("agenda", "--from", "2026-03-19", "--to", "2026-03-19", "--format", "json")) as? [[String: Any]])
        #expect(march.contains { $0["kind"] as? String == "dialogue" })
    }

    @Test func allDayEventsKeepTheirDatesInEveryZone() throws {
        _ = try tov("event", "add", "--title", "Ховдын өдөр", "--date", "2026-12-01", "--all-day", "--aimag", "MN-043")
        _ = try tov("event", "add", "--title", "call", "--date", "2026-11-30", "--start", "20:00", "--tz", "UTC")
        for zone in ["Asia/Ulaanbaatar", "America/Los_Angeles", "Pacific/Kiritimati", "UTC"] {
            let second = try #require(try json(try tov("agenda", "--from", "2026-12-02", "--to", "2026-12-02", "--format", "json", "--tz", zone)) as? [Any])
            #expect(second.isEmpty, "\(zone)")
            let first = try #require(try json(try tov("agenda", "--from", "2026-12-01", "--to", "2026-12-01", "--format", "json", "--tz", zone)) as? [[String: Any]])
            #expect(first.contains { $0["title"] as? String == "Ховдын өдөр" }, "\(zone)")
        }
        let text = try tov("agenda", "--from", "2026-11-30", "--to", "2026-12-01", "--tz", "UTC")
        let headings = text.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }
        #expect(headings == ["30 November 2026, Monday", "1 December 2026, Tuesday"])
    }

    @Test func outputThatCannotBeWrittenIsOneLineNotACrash() throws {
        _ = try tov("demo", "--from", "2026-01-01")
        let full = try Subprocess.run(
            ["sh", "-c", "\"$0\" --db \"$1\" agenda --from 2026-01-01 --to 2026-12-31 > /dev/full", TovBinary.path, db],
            environment: ["LANG": "C.UTF-8"]
        )
        #expect(full.status == 1)
        #expect(full.stderr == "tov: cannot write the output: No space left on device\n")
        let closed = try Subprocess.run(
            ["sh", "-c", "trap '' PIPE; \"$0\" --db \"$1\" agenda --from 2026-01-01 --to 2026-12-31 --format json | head -c 10 > /dev/null; exit ${PIPESTATUS:-0}", TovBinary.path, db],
            environment: ["LANG": "C.UTF-8"]
        )
        #expect(!closed.stderr.contains("Fatal error"))
    }

    @Test func aSeriesStartsOnADayOfItsRule() throws {
        let off = try tov("series", "add", "--title", "x", "--date", "2026-01-01", "--start", "10:00", "--rule", "FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH")
        #expect(off.status == 2)
        #expect(off.stderr == "tov: 2026-01-01 is not a day of FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH; its first meeting is on 2026-01-15, so use --date 2026-01-15\n")
        let never = try tov("series", "add", "--title", "x", "--date", "2026-02-01", "--start", "10:00", "--rule", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30")
        #expect(never.status == 2 && never.stderr.contains("gives no meetings"))
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func editingKeepsWhatWasNotGiven() throws {
        let added = try tov("event", "add", "--title", "t", "--date", "2026-12-01", "--start", "10:00", "--end", "12:00", "--tz", "UTC")
        let id = String(added.stdout.split(separator: " ")[1])
        _ = try tov("event", "edit", id, "--end-date", "2026-12-02")
        var shown = try #require(try json(try tov("event", "show", id, "--format", "json")) as? [String: Any])
        #expect(shown["end"] as? String == "2026-12-02T12:00:00")
        _ = try tov("event", "edit", id, "--date", "2026-12-05")
        shown = try #require(try json(try tov("event", "show", id, "--format", "json")) as? [String: Any])
        #expect(shown["start"] as? String == "2026-12-05T10:00:00")
        #expect(shown["end"] as? String == "2026-12-06T12:00:00")
        let text = try tov("agenda", "--from", "2026-12-05", "--to", "2026-12-05", "--tz", "UTC")
        #expect(text.stdout.contains("  10:00–12:00 +1  t"))
    }

    @Test func idsThatAreTooShortAreToldSo() throws {
        _ = try tov("org", "add", "--name", "first record", "--kind", "ngo")
        let result = try tov("event", "show", "7e7")
        #expect(result.stderr == "tov: '7e7' is too short for an event id; type at least four of its digits\n")
    }

    @Test func aSecondSyntheticLoadAddsNewEvents() throws {
        _ = try tov("demo", "--from", "2026-01-01", "--events", "100")
        _ = try tov("demo", "--from", "2026-01-01", "--events", "100")
        let check = try tov("check")
        #expect(check.stdout.contains("\(14 + 196) events") && check.stdout.contains("5 series"), "\(check.stdout)")
    }

    @Test func aStoredValueThatDoesNotParseIsDamageNotBadInput() throws {
        _ = try tov("event", "add", "--title", "x", "--date", "2026-03-02", "--start", "10:00")
        let update = try Subprocess.run(["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(\"UPDATE event SET timeZone='Mars/Olympus'\"); c.commit()", db])
        #expect(update.status == 0, "\(update.stderr)")
        let agenda = try tov("agenda", "--from", "2026-03-02", "--to", "2026-03-02")
        #expect(agenda.status == 1)
        #expect(agenda.stderr.contains("is damaged (event "))
        let check = try tov("check")
        #expect(check.status == 1)
        #expect(check.stdout.contains("'Mars/Olympus' is not a known time zone"))
    }

    @Test func helpExitsZero() throws {
        let help = try tov("--help")
        #expect(help.status == 0)
        #expect(help.stdout.contains("agenda"))
    }
}
