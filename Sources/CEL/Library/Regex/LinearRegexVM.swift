/// The compiled form of a `LinearRegex` and its Pike-VM simulation.
///
/// Each input scalar is examined once per live thread, and at most one thread exists per
/// instruction at each position (a sparse set deduplicates them), so a search costs
/// O(program size × input length) time and O(program size) space, with no backtracking.
struct RegexProgram: Sendable {
    enum Instruction: Sendable {
        /// Consume one scalar in `classes[index]`, then continue at the next instruction.
        case scalar(Int)
        case split(Int, Int)
        case jump(Int)
        case assertion(RegexAssertion)
        case match
    }

    var instructions: [Instruction] = []
    var classes: [ScalarClass] = []
    /// Per class, membership of the 128 ASCII scalars (bit i of word i / 64), precomputed so
    /// the common ASCII step is two shifts instead of a search.
    var asciiBits: [(UInt64, UInt64)] = []

    /// Fills `asciiBits` from `classes`; called once after compiling.
    mutating func prepare() {
        asciiBits = classes.map { set in
            var low: UInt64 = 0
            var high: UInt64 = 0
            for v in 0..<128 where set.contains(Unicode.Scalar(UInt8(v))) {
                if v < 64 { low |= 1 << UInt64(v) } else { high |= 1 << UInt64(v - 64) }
            }
            return (low, high)
        }
    }

    private func classContains(_ k: Int, _ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        guard v < 128 else { return classes[k].contains(scalar) }
        let bits = asciiBits[k]
        return v < 64 ? bits.0 & (1 << UInt64(v)) != 0 : bits.1 & (1 << UInt64(v - 64)) != 0
    }

    /// True if the program matches some substring of `input`.
    func run(on input: [Unicode.Scalar]) -> Bool {
        var current = SparseSet(capacity: instructions.count)
        var next = SparseSet(capacity: instructions.count)
        let code = instructions
        var stack: [Int] = []
        for position in 0...input.count {
            // Unanchored search: a new thread starts at every position.
            if addThread(0, at: position, input: input, to: current, stack: &stack) { return true }
            guard position < input.count else { break }
            let scalar = input[position]
            next.removeAll()
            for i in 0..<current.count {
                let pc = current[i]
                guard case .scalar(let k) = code[pc], classContains(k, scalar) else { continue }
                if addThread(pc + 1, at: position + 1, input: input, to: next, stack: &stack) { return true }
            }
            swap(&current, &next)
        }
        return false
    }

    /// Adds the thread at `pc` and everything reachable from it without consuming input
    /// (following jumps, splits and assertions that hold at `position`). True on reaching match.
    private func addThread(
        _ pc: Int, at position: Int, input: [Unicode.Scalar], to set: SparseSet, stack: inout [Int]
    ) -> Bool {
        if case .scalar = instructions[pc] {  // the common case: no epsilon moves to follow
            _ = set.insert(pc)
            return false
        }
        stack.append(pc)
        while let pc = stack.popLast() {
            guard set.insert(pc) else { continue }
            switch instructions[pc] {
            case .match:
                stack.removeAll()
                return true
            case .jump(let target): stack.append(target)
            case .split(let first, let second):
                stack.append(second)
                stack.append(first)
            case .assertion(let assertion):
                let previous = position > 0 ? input[position - 1] : nil
                let next = position < input.count ? input[position] : nil
                if assertion.holds(previous: previous, next: next) { stack.append(pc + 1) }
            case .scalar: break
            }
        }
        return false
    }
}

/// A set of small integers with O(1) insert, membership and clear (Briggs–Torczon), on raw
/// buffers because the VM touches it once per thread per input scalar. Used by one search only.
final class SparseSet {
    private let dense: UnsafeMutablePointer<Int>
    private let sparse: UnsafeMutablePointer<Int>
    private(set) var count = 0

    init(capacity: Int) {
        dense = .allocate(capacity: max(capacity, 1))
        sparse = .allocate(capacity: max(capacity, 1))
        sparse.initialize(repeating: 0, count: max(capacity, 1))
        dense.initialize(repeating: 0, count: max(capacity, 1))
    }

    deinit {
        dense.deallocate()
        sparse.deallocate()
    }

    /// The element at insertion position `i` (0..<count).
    subscript(i: Int) -> Int { dense[i] }

    /// Inserts `value`; false if it was already present.
    func insert(_ value: Int) -> Bool {
        let slot = sparse[value]
        if slot < count, dense[slot] == value { return false }
        sparse[value] = count
        dense[count] = value
        count += 1
        return true
    }

    func removeAll() { count = 0 }
}

/// Turns a `RegexNode` into a `RegexProgram`, expanding counted repeats, and refuses
/// programs over `LinearRegex.maxProgramSize` instructions.
struct RegexCompiler {
    private var program = RegexProgram()

    static func compile(_ node: RegexNode) throws(RegexError) -> RegexProgram {
        var compiler = RegexCompiler()
        try compiler.emit(node)
        try compiler.append(.match)
        compiler.program.prepare()
        return compiler.program
    }

    private mutating func append(_ instruction: RegexProgram.Instruction) throws(RegexError) {
        guard program.instructions.count < LinearRegex.maxProgramSize else {
            throw RegexError(
                message: "expression too large: more than \(LinearRegex.maxProgramSize) instructions",
                offset: 0)
        }
        program.instructions.append(instruction)
    }

    private var next: Int { program.instructions.count }

    private mutating func emit(_ node: RegexNode) throws(RegexError) {
        switch node {
        case .empty: break
        case .scalar(let set):
            program.classes.append(set)
            try append(.scalar(program.classes.count - 1))
        case .assertion(let assertion): try append(.assertion(assertion))
        case .concat(let items): for item in items { try emit(item) }
        case .alternate(let branches): try emitAlternation(branches)
        case .repeated(let body, let min, let max): try emitRepeat(body, min: min, max: max)
        }
    }

    /// `split L1, next; L1: a; jump end; next: split L2, ...; last branch`.
    private mutating func emitAlternation(_ branches: [RegexNode]) throws(RegexError) {
        var jumps: [Int] = []
        for (i, branch) in branches.enumerated() {
            let isLast = i == branches.count - 1
            let split = next
            if !isLast { try append(.split(split + 1, -1)) }
            try emit(branch)
            if !isLast {
                jumps.append(next)
                try append(.jump(-1))
                program.instructions[split] = .split(split + 1, next)
            }
        }
        for jump in jumps { program.instructions[jump] = .jump(next) }
    }

    /// `min` copies, then a loop (unbounded) or `max - min` nested optional copies.
    private mutating func emitRepeat(_ body: RegexNode, min: Int, max: Int?) throws(RegexError) {
        for _ in 0..<min { try emit(body) }
        guard let max else {
            let loop = next
            try append(.split(loop + 1, -1))
            try emit(body)
            try append(.jump(loop))
            program.instructions[loop] = .split(loop + 1, next)
            return
        }
        var splits: [Int] = []
        for _ in min..<max {
            splits.append(next)
            try append(.split(next + 1, -1))
            try emit(body)
        }
        for split in splits { program.instructions[split] = .split(split + 1, next) }
    }
}
