import Foundation
import TovCore
import TovStore
import TovUI

// `make bench`: the interface in process, on a database the benchmark filled.
//
//     UIBench DATABASE
//
// Prints the time to load and draw the first screen, and the time of one keystroke (update and render
// at 200×60) while moving within a month and when a key brings in another month.

guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: UIBench DATABASE\n".utf8))
    exit(2)
}

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

let today = try LocalDate(parsing: "2026-11-23")
let zone = try Zone("Asia/Ulaanbaatar")
var app: TovApp!
let first = try milliseconds {
    let store = try SQLiteStore(path: CommandLine.arguments[1], creating: false)
    app = TovApp(store: store, today: today, zone: zone, language: .mn, colors: true)
    _ = app.render(width: 200, height: 60)
}

func keystrokes(_ app: TovApp, _ keys: [Key], rounds: Int) -> [Double] {
    var times: [Double] = []
    for round in 0..<rounds {
        let key = keys[round % keys.count]
        times.append(milliseconds {
            _ = app.handle(key)
            _ = app.render(width: 200, height: 60)
        })
    }
    return times
}

// Within the month (no key here loads from the file): days and weeks around the 23rd, the list's span and
// rows, and the panes.
let moves = keystrokes(app, [.character("l"), .character("h"), .character("j"), .character("k"), .character("v"), .character("v"),
                             .character("v"), .character("2"), .down, .up, .character("1")], rounds: 1100)
let renders = (0..<200).map { _ in milliseconds { _ = app.render(width: 200, height: 60) } }
// Another month each time, loaded from the file.
let months = keystrokes(app, [.pageDown, .pageDown, .pageUp, .pageUp], rounds: 40)

print("| case | median | worst | target |")
print("|---|---:|---:|---|")
print(String(format: "| open, load and draw the first screen (200×60) | %.1f ms | | < 150 ms %@ |", first, first < 150 ? "ok" : "MISSED"))
let moveMedian = median(moves)
print(String(format: "| keystroke within a month: update + render at 200×60 | %.2f ms | %.2f ms | < 2 ms median %@ |",
             moveMedian, moves.max() ?? 0, moveMedian < 2 ? "ok" : "MISSED"))
print(String(format: "| render alone at 200×60 | %.2f ms | %.2f ms | |", median(renders), renders.max() ?? 0))
print(String(format: "| keystroke to another month: load + update + render | %.1f ms | %.1f ms | |", median(months), months.max() ?? 0))
