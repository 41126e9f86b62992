/// The interface language: Mongolian first, English complete.
public enum Language: String, CaseIterable, Sendable {
    case mn
    case en

    /// Mongolian when the locale names it (`mn_MN.UTF-8`), otherwise English.
    public init(locale: String?) {
        self = (locale ?? "").lowercased().hasPrefix("mn") ? .mn : .en
    }

    /// The Mongolian or the English text, whichever this language is.
    public func pick(_ mn: String, _ en: String) -> String { self == .mn ? mn : en }
}
