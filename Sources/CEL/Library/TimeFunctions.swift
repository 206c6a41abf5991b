/// Timestamp accessors (`getFullYear` ... `getMilliseconds`, with an optional time zone)
/// and duration accessors (`getHours`, `getMinutes`, `getSeconds`, `getMilliseconds`).
enum TimeFunctions {
    static var all: [NamedOverload] {
        var list: [NamedOverload] = []
        let accessors: [(String, @Sendable (TimestampComponents) -> Int)] = [
            ("getFullYear", { $0.year }), ("getMonth", { $0.month - 1 }), ("getDate", { $0.day }),
            ("getDayOfMonth", { $0.day - 1 }), ("getDayOfWeek", { $0.dayOfWeek }),
            ("getDayOfYear", { $0.dayOfYear - 1 }), ("getHours", { $0.hour }), ("getMinutes", { $0.minute }),
            ("getSeconds", { $0.second }), ("getMilliseconds", { $0.millisecond }),
        ]
        for (name, part) in accessors {
            let body: @Sendable ([Value]) -> Value = { v in
                guard case .timestamp(let t) = v[0] else { return .fail(.evalType, "no such overload: \(name)") }
                var zone: String?
                if v.count > 1 {
                    guard case .string(let z) = v[1] else { return .fail(.evalType, "no such overload: \(name)") }
                    zone = z
                }
                guard let components = t.components(inZone: zone) else {
                    return .fail(.evalConversion, "unknown time zone '\(zone ?? "")'")
                }
                return .int(Int64(part(components)))
            }
            list.append(NamedOverload(name, .nary("timestamp_\(name)", receiver: .timestamp, [], .int, body)))
            list.append(NamedOverload(name, .nary("timestamp_\(name)_with_tz", receiver: .timestamp, [.string], .int, body)))
        }
        let durationParts: [(String, @Sendable (CELDuration) -> Int64)] = [
            ("getHours", { $0.hours }), ("getMinutes", { $0.minutes }), ("getSeconds", { $0.seconds }),
            ("getMilliseconds", { $0.milliseconds }),
        ]
        for (name, part) in durationParts {
            list.append(NamedOverload(name, .unary("duration_\(name)", .duration, .int, receiver: true) { v in
                guard case .duration(let d) = v else { return .fail(.evalType, "no such overload: \(name)") }
                return .int(part(d))
            }))
        }
        return list
    }
}
