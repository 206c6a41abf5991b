import Diagnostics

/// A text written in one or more languages (`title`, `message`): either one string, taken as
/// English, or a map of language codes. The report language falls back to `en`.
public struct LocalizedText: Sendable {
    /// One language's text and where it was written.
    public struct Entry: Sendable {
        public var language: String
        public var text: String
        /// The scalar's value mapped to the file, for `{{ }}` placeholders.
        public var source: EmbeddedSource
    }

    /// In file order.
    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// The language the report asks for, else `en`, else the first one written.
    public func entry(for language: String) -> Entry? {
        entries.first { $0.language == language }
            ?? entries.first { $0.language == LocalizedText.fallbackLanguage }
            ?? entries.first
    }

    /// The text in `language` (with fallback), "" when there is none.
    public func text(for language: String) -> String {
        entry(for: language)?.text ?? ""
    }

    /// The language used when the report language has no text.
    public static let fallbackLanguage = "en"
}
