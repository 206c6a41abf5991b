import Diagnostics
import Reports
import RuleEngine
import Screening

/// The workspace endpoints (`--workspace DIR`): the slates under DIR, a slate's report, and a
/// candidate's dossier with its report entry. A slate or candidate is found only among what the
/// folder walk lists, so no request names a path: `../../etc/passwd` is simply not there (404).
struct Workspace: Sendable {
    let folder: String

    /// A slate's name in URLs: its path under DIR without `.yaml`, `/` written as `~`.
    static func slateName(_ path: String, folder: String) -> String {
        var relative = path.hasPrefix(folder + "/") ? String(path.dropFirst(folder.count + 1)) : path
        if relative.hasSuffix(".yaml") { relative.removeLast(5) }
        return relative.replacingOccurrences(of: "/", with: "~")
    }

    /// Every slate file under DIR, by name.
    func slateFiles() -> [(name: String, path: String)] {
        DossierFinder.yamlFiles(below: folder).files.compactMap { path in
            guard case .success(let bytes) = FileReader.read(path, limit: 1 << 20), SlateFileSniffer.isSlateFile(bytes) else {
                return nil
            }
            return (Self.slateName(path, folder: folder), path)
        }
    }

    func slate(named name: String) throws(APIError) -> String {
        guard let found = slateFiles().first(where: { $0.name == name }) else {
            throw APIError(.notFound, code: "workspace.no-such-slate", message: "no slate named '\(name)' in the workspace")
        }
        return found.path
    }

    /// `GET /v1/slates`: every slate with its committee and its counts per verdict.
    func slates(service: ScreeningService) throws(APIError) -> Answer {
        var writer = JSONWriter(pretty: true)
        writer.beginObject()
        writer.key("slates")
        writer.beginArray()
        for (name, path) in slateFiles() {
            let (slate, summary) = try service.screenSlateFile(path, query: nil, output: MemoryReportOutput(format: .json))
            writer.beginObject()
            writer.field("name", name)
            writer.field("file", path)
            writer.field("committee", slate.committee)
            writer.field("candidates", summary.candidates)
            for (key, count) in [
                ("eligible", summary.eligible), ("review", summary.review), ("ineligible", summary.ineligible),
                ("invalid", summary.invalid),
            ] {
                writer.field(key, count)
            }
            writer.field("slate_findings", summary.slateFindings)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return Answer(text: writer.output + "\n")
    }

    /// `GET /v1/slates/{slate}/report`: the report `screen DIR/SLATE.yaml` prints.
    func report(slate name: String, service: ScreeningService, query: Query) throws(APIError) -> Answer {
        let path = try slate(named: name)
        let format = try query.format()
        let output = MemoryReportOutput(format: format)
        _ = try service.screenSlateFile(path, query: query, output: output)
        return Answer(contentType: format.mediaType, text: output.text)
    }

    /// `GET /v1/candidates/{id}`: the dossier whose `candidate.id` is `id`, its text and its
    /// report entry, from the first slate that lists it.
    func candidate(id: String, service: ScreeningService, query: Query) throws(APIError) -> Answer {
        guard !id.isEmpty, !id.contains("/"), !id.contains("\0"), !id.contains("..") else {
            throw APIError(.badRequest, code: "request.invalid-id", message: "a candidate id has no '/', '..' or NUL")
        }
        for (_, path) in slateFiles() {
            if let found = try service.findCandidate(id: id, slatePath: path, query: query) {
                var writer = JSONWriter(pretty: true)
                writer.beginObject()
                writer.field("id", id)
                writer.field("file", found.file)
                writer.field("text", found.text)
                writer.key("entry")
                writer.raw(found.entry)
                writer.endObject()
                return Answer(text: writer.output + "\n")
            }
        }
        throw APIError(.notFound, code: "workspace.no-such-candidate", message: "no candidate with id '\(id)' in the workspace")
    }
}
