import CEL
import Reports
import RuleEngine

/// Collects the values of a dossier that `--redact` hides, classified by the schema, so that
/// an organization's added string fields are hidden too without touching Swift code.
///
/// Every written `string` field (and list of strings) counts as sensitive except `format`,
/// `id`, `committee` and `term`, which name the dossier and the committee, not the person.
/// `name` is a person's name in a record that also has a `citizen_id` (candidate, relative),
/// free text elsewhere (a business name); `citizen_id` and `tax_code` are identifiers.
/// Enums, dates, amounts and booleans are kept: the findings are about them.
enum SensitiveValues {
    static let kept: Set<String> = ["format", "id", "committee", "term"]
    static let identifiers: Set<String> = ["citizen_id", "tax_code"]

    /// The sensitive values of `dossier`, in dossier (slot) order.
    static func collect(from dossier: ObjectValue, schema: Schema) -> [SensitiveValue] {
        var values: [SensitiveValue] = []
        collect(dossier, schema: schema, into: &values)
        return values
    }

    private static func collect(_ object: ObjectValue, schema: Schema, into values: inout [SensitiveValue]) {
        guard let record = schema.record(named: object.type.name) else { return }
        let isPerson = object.type.slot(of: "citizen_id") != nil
        for (slot, spec) in record.fields.enumerated() where slot < object.fields.count && object.present[slot] {
            if spec.name == "birth_date", case .date(let date) = object.fields[slot] {
                values.append(SensitiveValue(.birthDate, date.description))
                continue
            }
            let kind: SensitiveValue.Kind =
                identifiers.contains(spec.name) ? .identifier : (spec.name == "name" && isPerson ? .name : .text)
            collect(object.fields[slot], type: spec.type, kind: kind, field: spec.name, schema: schema, into: &values)
        }
    }

    private static func collect(
        _ value: Value, type: FieldType, kind: SensitiveValue.Kind, field: String, schema: Schema,
        into values: inout [SensitiveValue]
    ) {
        switch (value, type) {
        case (.string(let text), .string) where !kept.contains(field):
            values.append(SensitiveValue(kind, text))
        case (.list(let list), .list(let element)):
            for item in list {
                collect(item, type: element, kind: kind, field: field, schema: schema, into: &values)
            }
        case (.object(let object), _):
            collect(object, schema: schema, into: &values)
        default:
            break
        }
    }
}
