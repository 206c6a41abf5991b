import Foundation

/// The key under which names (and sectors) are compared: Unicode NFC, full Unicode lower
/// case, trimmed, and each run of Unicode white space (NBSP, tabs, U+3000 ...) made one
/// ASCII space.
///
/// Why: dossiers are typed on different machines, so the same Vietnamese name arrives
/// composed or decomposed, in capitals or not, with stray spaces. Diacritics still count
/// (Bách ≠ Bạch) and Đ stays a letter of its own (đ, never d): they tell people apart.
///
/// NFC comes from Foundation's `precomposedStringWithCanonicalMapping`, because Swift 6.3's
/// standard library has no public normalization API; pure-ASCII input skips it.
public func nameKey(_ s: String) -> String {
    let lowered = s.lowercased()
    let composed = lowered.utf8.allSatisfy { $0 < 0x80 }
        ? lowered : lowered.precomposedStringWithCanonicalMapping
    var result = String.UnicodeScalarView()
    var pendingSpace = false
    for scalar in composed.unicodeScalars {
        if scalar.properties.isWhitespace {
            pendingSpace = !result.isEmpty
            continue
        }
        if pendingSpace {
            result.append(" ")
            pendingSpace = false
        }
        result.append(scalar)
    }
    return String(result)
}
