import Diagnostics

/// Where a value came from in an input document: its location and field path. Objects and
/// lists read from a dossier carry one, so findings and evidence can point into the file.
public struct ValueOrigin: Hashable, Sendable {
    public var location: SourceLocation
    /// The field path from the document root, such as `family[0].businesses[1]`.
    public var path: String

    public init(location: SourceLocation, path: String) {
        self.location = location
        self.path = path
    }
}
