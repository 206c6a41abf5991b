extension StringProtocol {
    /// The text without the leading and trailing characters in `set` (the library does not
    /// import Foundation for its one `trimmingCharacters`).
    func trimmingCharacters(in set: String) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text.removeFirst() }
        while let last = text.last, set.contains(last) { text.removeLast() }
        return String(text)
    }
}
