import CEL

/// Blocked pair iteration for slate rules with `pair_keys` (`docs/performance.md`): the two
/// `for_each` loops visit only the pairs (a, b) of two different candidates whose key lists
/// share a key, in the order the
/// full double loop would (a's index, then b's), so findings do not change when the rule's
/// `when` can hold only for such pairs — which is what a rule author states by writing
/// `pair_keys`. A slate of n candidates then costs about n evaluations, not n².
extension RuleRunner {
    /// A blocking key: the string and int values `pair_keys` may give.
    enum PairKey: Hashable {
        case string(String)
        case int(Int64)
    }

    /// Runs both loops over `list` through the key buckets.
    func iteratePairs(
        _ list: ListValue, keys program: Program, activation: inout Activation, into findings: inout [Finding]
    ) {
        let first = compiled.loops[0]
        let second = compiled.loops[1]
        var keysOf: [[PairKey]] = []
        keysOf.reserveCapacity(list.elements.count)
        var bucket: [PairKey: [Int]] = [:]
        for (index, element) in list.elements.enumerated() {
            activation[first.slot] = element
            switch Self.pairKeys(program.evaluate(activation)) {
            case .success(let keys):
                keysOf.append(keys)
                for key in keys { bucket[key, default: []].append(index) }
            case .failure(let reason):
                let at = Self.origin(of: element).map(Self.location)
                findings.append(failure("pair_keys \(reason)", at: at))
                keysOf.append([])
            }
        }
        var partners: [Int] = []
        for (index, element) in list.elements.enumerated() {
            partners.removeAll(keepingCapacity: true)
            for key in keysOf[index] { partners += bucket[key] ?? [] }
            guard !partners.isEmpty else { continue }
            partners.sort()
            activation[first.slot] = element
            var previous = -1
            for partner in partners where partner != previous && partner != index {
                previous = partner
                let other = list.elements[partner]
                activation[second.slot] = other
                let innermost = Self.origin(of: other).map(Self.location)
                if let finding = body(innermost: innermost, activation: &activation) { findings.append(finding) }
            }
        }
    }

    /// The keys of one element: a list of strings and ints (nulls skipped), or why not.
    static func pairKeys(_ value: Value) -> Result<[PairKey], PairKeyFailure> {
        guard case .list(let list) = value else {
            if case .error(let error) = value { return .failure(PairKeyFailure(message: "failed: \(error.message)")) }
            return .failure(PairKeyFailure(message: "must give a list, found \(kind(value))"))
        }
        var keys: [PairKey] = []
        keys.reserveCapacity(list.elements.count)
        for element in list.elements {
            switch element {
            case .string(let text): keys.append(.string(text))
            case .int(let number): keys.append(.int(number))
            case .null: continue
            case .error(let error): return .failure(PairKeyFailure(message: "failed: \(error.message)"))
            default: return .failure(PairKeyFailure(message: "keys must be strings or ints, found \(kind(element))"))
            }
        }
        return .success(keys)
    }

    struct PairKeyFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
