import CEL
import Synchronization

/// Counts, while examples and tests run, how often each condition of each rule's `let`s and
/// `when` came out true and false. Slate rules may run side by side, hence the lock.
final class ConditionRecorder: RuleObserver {
    /// Which expression of a rule: a `let` (by index in the compiled bindings) or `when`.
    enum Site: Hashable {
        case binding(Int)
        case when
    }

    struct Key: Hashable {
        var rule: String
        var site: Site
        var node: Int
    }

    struct Counts {
        var trueCount = 0
        var falseCount = 0
    }

    private let counts = Mutex<[Key: Counts]>([:])

    func evaluated(_ rule: CompiledRule, _ activation: Activation, boundLets: Int) {
        var seen: [Key: Counts] = [:]
        func walk(_ program: Program, _ site: Site) {
            program.recordConditions(activation) { node, value in
                let key = Key(rule: rule.rule.id, site: site, node: node)
                if value { seen[key, default: Counts()].trueCount += 1 } else { seen[key, default: Counts()].falseCount += 1 }
            }
        }
        // The lets that ran (and the one that failed, if any), then `when` if it ran.
        for index in rule.bindings.indices.prefix(min(boundLets + 1, rule.bindings.count)) {
            walk(rule.bindings[index].program, .binding(index))
        }
        if boundLets == rule.bindings.count { walk(rule.when, .when) }
        counts.withLock { total in
            for (key, add) in seen {
                total[key, default: Counts()].trueCount += add.trueCount
                total[key, default: Counts()].falseCount += add.falseCount
            }
        }
    }

    func counts(rule: String, site: Site, node: Int) -> Counts {
        counts.withLock { $0[Key(rule: rule, site: site, node: node)] } ?? Counts()
    }
}
