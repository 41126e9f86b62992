import TovCore
import TovInterop

/// An import's report for people (a few lines) and for scripts (JSON, in the order of the contract).
enum ImportReportOutput {
    static func text(_ report: ImportReport, file: String, dryRun: Bool, language: Language) -> String {
        var lines: [String] = []
        let counts = language == .mn
            ? "\(file): шинээр \(report.imported), шинэчилсэн \(report.updated), өөрчлөлтгүй \(report.unchanged), алгассан \(report.skipped.count)"
            : "\(file): \(report.imported) imported, \(report.updated) updated, \(report.unchanged) unchanged, \(report.skipped.count) skipped"
        lines.append(counts + (dryRun ? say(language, mn: " (туршилт: юу ч хадгалаагүй)", en: " (dry run: nothing saved)") : ""))
        for skip in report.skipped {
            let uid = skip.uid.map { " \($0)" } ?? ""
            lines.append("  \(say(language, mn: "алгассан", en: "skipped")) \(file):\(skip.line)\(uid): \(SafeText.clean(skip.reason))")
        }
        if !report.notKept.isEmpty {
            let parts = report.notKept.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }
            lines.append("  " + say(language, mn: "хадгалаагүй: ", en: "not kept: ") + SafeText.clean(parts.joined(separator: ", ")))
        }
        for note in report.notes {
            lines.append("  " + SafeText.clean(note))
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ report: ImportReport, file: String, dryRun: Bool) -> String {
        JSON.object([
            ("file", .string(file)),
            ("dryRun", .bool(dryRun)),
            ("imported", .number(report.imported)),
            ("updated", .number(report.updated)),
            ("unchanged", .number(report.unchanged)),
            ("skipped", .array(report.skipped.map { skip in
                .object([("uid", .optional(skip.uid)), ("line", .number(skip.line)), ("reason", .string(skip.reason))])
            })),
            ("notKept", .object(report.notKept.sorted { $0.key < $1.key }.map { ($0.key, .number($0.value)) })),
            ("notes", .array(report.notes.map(JSON.string))),
        ]).rendered()
    }
}
