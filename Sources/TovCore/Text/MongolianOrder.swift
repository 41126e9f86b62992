/// Alphabetical order as Mongolian readers expect it: Ө after О, Ү after У, then Latin letters.
///
/// Unicode places Ө and Ү after Я, so plain string comparison sorts "Өлгий" after "Яруу".
///
///     ["Яруу", "Өлгий", "Орхон"].sorted(by: MongolianOrder.precedes) // Орхон, Өлгий, Яруу
public enum MongolianOrder {
    private static let alphabet = Array("абвгдеёжзийклмноөпрстуүфхцчшщъыьэюя")
    private static let ranks: [Character: Int] = Dictionary(uniqueKeysWithValues: alphabet.enumerated().map { ($1, $0) })

    /// Whether `a` sorts before `b`, ignoring case.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        let left = a.lowercased(), right = b.lowercased()
        var i = left.makeIterator(), j = right.makeIterator()
        while true {
            switch (i.next(), j.next()) {
            case (nil, nil): return a < b
            case (nil, _): return true
            case (_, nil): return false
            case let (x?, y?):
                if x == y { continue }
                return rank(x) < rank(y)
            }
        }
    }

    /// Cyrillic letters in alphabet order first, everything else after, by code point.
    private static func rank(_ character: Character) -> Int {
        if let rank = ranks[character] { return 0x1_0000 + rank }
        let scalar = Int(character.unicodeScalars.first?.value ?? 0)
        // Digits, spaces and punctuation sort first; Latin and the rest after Cyrillic.
        return scalar < 0x41 ? scalar : 0x2_0000 + scalar
    }
}
