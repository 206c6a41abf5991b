/// Where each node of a parsed expression stands in its text, keyed by node id.
///
/// `ranges` covers the whole sub-expression (for explanations); `anchors` is the part an
/// error points at: the operator of a binary expression, the field name of a selection,
/// the function name of a call, the identifier itself.
public struct SourceInfo: Sendable, Hashable {
    public var text: String
    public private(set) var ranges: [Range<Int>] = []
    public private(set) var anchors: [Range<Int>] = []

    public init(text: String) { self.text = text }

    /// Registers a node and returns its new id.
    mutating func add(range: Range<Int>, anchor: Range<Int>) -> Int {
        ranges.append(range)
        anchors.append(anchor)
        return ranges.count - 1
    }

    mutating func setRange(_ id: Int, _ range: Range<Int>) { ranges[id] = range }

    public var nodeCount: Int { ranges.count }

    /// The range of the whole sub-expression with this id.
    public func range(of id: Int) -> Range<Int>? { ranges.indices.contains(id) ? ranges[id] : nil }

    /// The range an error about this node should point at.
    public func anchor(of id: Int) -> Range<Int>? { anchors.indices.contains(id) ? anchors[id] : nil }

    /// The source text of the sub-expression with this id.
    public func text(of id: Int) -> String {
        guard let range = range(of: id) else { return "" }
        // Read in place: a finding's comparisons ask for a dozen parts of one text.
        var text = text
        return text.withUTF8 { utf8 in
            let clamped = min(range.lowerBound, utf8.count)..<min(range.upperBound, utf8.count)
            return String(decoding: UnsafeBufferPointer(rebasing: utf8[clamped]), as: UTF8.self)
        }
    }
}
