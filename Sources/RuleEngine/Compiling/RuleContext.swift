import CEL

/// What rules are compiled and run against, as plain values: the record types of the schema,
/// the parameters, and the working-day calendar. Built once per rule set by the caller from
/// `Schema`, `Parameters` and the calendar file, so compiling never re-reads the schema.
public struct RuleContext: Sendable {
    /// The type of a whole dossier (its fields are the candidate rules' variables).
    public var dossierType: ObjectType
    /// The type of the slate file's `slate` mapping.
    public var slateType: ObjectType
    /// One field per declared parameter: the type of `params`.
    public var paramsType: ObjectType
    public var calendar: HolidayCalendar?
    /// `params` on a date: an object of `paramsType` with the values in force.
    public var paramsOn: @Sendable (CivilDate) -> Value
    /// `param_at(name, date)`: the value in force on that date, or an error value.
    public var paramAt: @Sendable (String, CivilDate) -> Value

    public init(
        dossierType: ObjectType, slateType: ObjectType, paramsType: ObjectType, calendar: HolidayCalendar?,
        paramsOn: @escaping @Sendable (CivilDate) -> Value, paramAt: @escaping @Sendable (String, CivilDate) -> Value
    ) {
        self.dossierType = dossierType
        self.slateType = slateType
        self.paramsType = paramsType
        self.calendar = calendar
        self.paramsOn = paramsOn
        self.paramAt = paramAt
    }
}
