"""End-to-end tests of `appraise lsp` through a real LSP client (pytest-lsp / pygls):
open, change, hover, completion, definition, symbols, the run-examples command, shutdown."""

import pathlib

from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import ROOT

DECLARATIONS = ROOT / "rules" / "declarations.yaml"

BAD_RULE = """format: rules/1
rules:
  - id: NEW-RULE
    title: {en: New rule}
    severity: review
    basis: Test basis
    when: >-
      candidate.birth_dat < date('1970-01-01')
    message: {en: "x"}
    examples:
      triggers:
        - candidate: {birth_date: 1960-01-01}
      passes:
        - candidate: {birth_date: 1980-01-01}
"""


def position_of(text: str, line_needle: str, needle: str, delta: int = 0, occurrence: int = 0):
    """The LSP position of `needle` (UTF-16 units) on the first line containing `line_needle`."""
    lines = text.split("\n")
    line = next(i for i, l in enumerate(lines) if line_needle in l)
    index = -1
    for _ in range(occurrence + 1):
        index = lines[line].index(needle, index + 1)
    character = len(lines[line][:index].encode("utf-16-le")) // 2 + delta
    return types.Position(line=line, character=character)


def open_document(client: LanguageClient, path: pathlib.Path, text: str, version: int = 1) -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="yaml", version=version, text=text)
        )
    )
    return uri


async def test_diagnostics_on_open_then_cleared_on_change(client: LanguageClient, rules_copy):
    uri = open_document(client, rules_copy / "new.yaml", BAD_RULE)
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    [diagnostic] = client.diagnostics[uri]
    assert diagnostic.code == "cel.undefined-field"
    assert diagnostic.message == "no field 'birth_dat' on candidate; did you mean 'birth_date'?"
    assert diagnostic.severity == types.DiagnosticSeverity.Error
    assert diagnostic.range == types.Range(
        start=types.Position(line=7, character=16), end=types.Position(line=7, character=25)
    )

    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=BAD_RULE.replace("birth_dat ", "birth_date "))],
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert list(client.diagnostics[uri]) == []


async def test_hover_on_a_field_inside_an_expression(client: LanguageClient):
    text = DECLARATIONS.read_text(encoding="utf-8")
    uri = open_document(client, DECLARATIONS, text)
    position = position_of(text, "&& has(d.increase) && d.increase >= threshold", "d.increase", delta=3, occurrence=1)
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=position)
    )
    assert hover.contents.kind == types.MarkupKind.Markdown
    assert hover.contents.value == (
        "`declaration.increase`: money (signed)\n\n"
        "Change in total assets against the previous declaration, in đồng (may be negative)."
    )


async def test_hover_on_a_rule_id_and_a_parameter(client: LanguageClient):
    text = DECLARATIONS.read_text(encoding="utf-8")
    uri = open_document(client, DECLARATIONS, text)
    ident = types.TextDocumentIdentifier(uri=uri)
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=ident, position=position_of(text, "- id: DECL-MISSING-ANNUAL", "DECL", delta=1))
    )
    assert hover.contents.value.startswith(
        "**DECL-MISSING-ANNUAL** (review): Annual declaration missing for a recent year\n\nBasis: "
    )
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=ident, position=position_of(text, "i <= params.missing_annual_years", "missing", delta=1))
    )
    assert hover.contents.value.startswith("`params.missing_annual_years`: int\n\nBasis: ")
    assert hover.contents.value.endswith("- since 2019-07-01: `3`")


async def test_completion_after_a_comprehension_variable(client: LanguageClient):
    lines = DECLARATIONS.read_text(encoding="utf-8").split("\n")
    line = next(i for i, l in enumerate(lines) if "&& !declarations.exists(d, d.year == y" in l)
    lines[line] = "      && !declarations.exists(d, d."
    del lines[line + 1]  # the continuation of the call being rewritten
    uri = open_document(client, DECLARATIONS, "\n".join(lines))
    result = await client.text_document_completion_async(
        types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=line, character=len(lines[line])),
        )
    )
    assert [item.label for item in result.items] == [
        "year", "kind", "submitted", "total_income", "increase", "increase_explanation", "assets",
    ]
    assert result.items[0].kind == types.CompletionItemKind.Field
    assert result.items[0].detail == "int"


async def test_definition_of_a_parameter_and_a_let_name(client: LanguageClient):
    text = DECLARATIONS.read_text(encoding="utf-8")
    uri = open_document(client, DECLARATIONS, text)
    ident = types.TextDocumentIdentifier(uri=uri)
    result = await client.text_document_definition_async(
        types.DefinitionParams(text_document=ident, position=position_of(text, "i <= params.missing_annual_years", "missing", delta=2))
    )
    declared = position_of(text, "  missing_annual_years:", "missing_annual_years")
    assert result == types.Location(uri=uri, range=types.Range(start=declared, end=declared))

    result = await client.text_document_definition_async(
        types.DefinitionParams(text_document=ident, position=position_of(text, "&& d.increase >= threshold", "threshold", delta=1))
    )
    declared = position_of(text, "threshold: \"param_at(", "threshold")
    assert result == types.Location(uri=uri, range=types.Range(start=declared, end=declared))


async def test_dossier_hover_and_enum_completion(client: LanguageClient, tmp_path):
    text = "format: dossier/1\ncandidate:\n  gender: \n  birth_date: 1970-01-01\n"
    uri = open_document(client, tmp_path / "dossier.yaml", text)
    ident = types.TextDocumentIdentifier(uri=uri)
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=ident, position=types.Position(line=2, character=10))
    )
    assert [item.label for item in result.items] == ["male", "female"]
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=ident, position=types.Position(line=3, character=4))
    )
    assert hover.contents.value == "`birth_date`: date\n\nDate of birth."


async def test_symbols_and_run_examples(client: LanguageClient):
    text = DECLARATIONS.read_text(encoding="utf-8")
    uri = open_document(client, DECLARATIONS, text)
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert "DECL-INCREASE-UNEXPLAINED" in [symbol.name for symbol in symbols]
    result = await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command="appraise.runExamples", arguments=[uri, "DECL-INCREASE-UNEXPLAINED"])
    )
    assert result["failed"] == 0
    assert result["summary"].startswith("DECL-INCREASE-UNEXPLAINED: ")
