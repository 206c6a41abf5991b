/// How the slate evaluator runs independent pieces of work (one slate rule each, or one part
/// of a pair rule's pairs): in turn by default. The library starts no threads of its own; a
/// front end that wants them (`screen --jobs`) passes a `ParallelWork` that runs pieces side
/// by side, and results keep the same order either way.
public struct ParallelWork: Sendable {
    /// How many pieces may usefully run at once; 1 runs them in turn.
    public let width: Int
    private let perform: @Sendable (_ count: Int, _ body: @Sendable (Int) -> Void) -> Void

    /// `perform(count, body)` must call `body` once for each of `0..<count` and return when
    /// all calls have returned, in any order and on any threads.
    public init(width: Int, perform: @escaping @Sendable (_ count: Int, _ body: @Sendable (Int) -> Void) -> Void) {
        self.width = max(1, width)
        self.perform = perform
    }

    /// Every piece in turn, on the calling thread.
    public static let serial = ParallelWork(width: 1) { count, body in
        for index in 0..<count { body(index) }
    }

    /// Runs `body` for each of `0..<count`.
    func run(_ count: Int, _ body: @Sendable (Int) -> Void) {
        if width == 1 || count < 2 {
            for index in 0..<count { body(index) }
        } else {
            withoutActuallyEscaping(body) { perform(count, $0) }
        }
    }
}
