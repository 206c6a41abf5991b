#if canImport(Glibc)
import Glibc
#endif
import CEL
import Reports

/// The evaluation date (`details.md` §5): `--as-of`, else the slate's congress date, else
/// today in Asia/Ho_Chi_Minh (UTC+7 all year; Vietnam keeps no summer time).
public enum EvaluationDate {
    /// Parses `--as-of`, or fails with a usage error.
    public static func parse(option: String?) throws(CLIError) -> CivilDate? {
        guard let option else { return nil }
        guard let date = CivilDate(iso: option) else {
            throw CLIError.usage("--as-of must be a date YYYY-MM-DD that exists, not '\(option)'")
        }
        return date
    }

    public static func resolve(option: CivilDate?, slate: CivilDate?) -> (CivilDate, AsOfSource) {
        if let option { return (option, .option) }
        if let slate { return (slate, .slate) }
        return (today(), .today)
    }

    /// Today's date in Hà Nội.
    public static func today() -> CivilDate {
        let seconds = Int(time(nil)) + 7 * 3600
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return CivilDate(daysSinceEpoch: days) ?? CivilDate(year: 1970, month: 1, day: 1)!
    }
}
