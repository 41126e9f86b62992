import Foundation
import ArgumentParser
import TovCore

/// `tov places`: the aimags and districts tov knows, with codes and time zones.
struct PlacesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "places", abstract: "List aimags and districts with their codes and time zones.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Output format: text, json or csv.") var format: OutputFormat = .text

    func run() throws {
        let language = try global.language()
        let places = ReferenceData.shared.places
        let now = Int(Date().timeIntervalSince1970)
        switch format {
        case .json:
            emit(JSON.array(places.map { p in
                .object([("code", .string(p.code)), ("nameMn", .string(p.nameMn)), ("nameEn", .string(p.nameEn)),
                         ("kind", .string(p.kind.rawValue)), ("timeZone", .string(p.zone.identifier))])
            }).rendered())
        case .csv:
            var csv = CSV(header: ["code", "nameMn", "nameEn", "kind", "timeZone"])
            for p in places { csv.append([p.code, p.nameMn, p.nameEn, p.kind.rawValue, p.zone.identifier]) }
            emit(csv.text)
        case .text:
            emit(places.map { p in
                p.code.padding(toLength: 10, withPad: " ", startingAt: 0) + p.name(in: language).padding(toLength: 18, withPad: " ", startingAt: 0)
                    + p.zone.identifier + " (" + p.zone.offsetLabel(at: now) + ")"
            }.joined(separator: "\n"))
        }
    }
}
