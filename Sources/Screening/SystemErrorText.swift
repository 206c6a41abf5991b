#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text of the last system error (`errno`), for messages that name what the system said.
public func errnoText() -> String { String(cString: strerror(errno)) }
