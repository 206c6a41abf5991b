extension Program {
    /// Whether an explanation of this program can list a read. Only a field of a record whose
    /// type the checker knew (a `FieldNode`) is recorded as one, so an expression over `dyn`
    /// values (the assets of a `d` taken from a list of unknown element type) never lists any,
    /// and a caller that wants only the reads (the evidence of a `let`) need not explain it.
    public var mayListReads: Bool { Self.containsFieldRead(root) }

    /// The explainer reaches a node only through its parent's `children` or the same fields.
    private static func containsFieldRead(_ node: Node) -> Bool {
        node is FieldNode || node.children.contains(where: containsFieldRead)
    }
}
