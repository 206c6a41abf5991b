// The rule playground: as one types (debounced, 300 ms), the rule file and the chosen dossier
// go to POST /v1/playground; the diagnostics are listed at line:column and marked in a
// line-numbered view of the rule, the examples show pass/fail, and the findings on the dossier
// show with their evidence. Everything is written as text (textContent), never as HTML.
const DELAY = 300;

function element(document, tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function start(document) {
  const word = (name) => document.getElementById("words")?.content.querySelector(`[data-word="${name}"]`)?.textContent ?? name;
  const ruleText = document.getElementById("rule-text");
  const choice = document.getElementById("dossier-choice");
  const dossierText = document.getElementById("dossier-text");
  const status = document.getElementById("playground-status");
  const diagnosticsList = document.getElementById("diagnostics");
  const ruleLines = document.getElementById("rule-lines");
  const examplesList = document.getElementById("examples");
  const findingsList = document.getElementById("pg-findings");
  const lang = document.body.dataset.lang;
  let timer = null;
  let sequence = 0;

  function showRuleLines(diagnostics) {
    ruleLines.replaceChildren();
    const byLine = new Map();
    for (const diagnostic of diagnostics) {
      if (!diagnostic.line) continue;
      if (!byLine.has(diagnostic.line)) byLine.set(diagnostic.line, []);
      byLine.get(diagnostic.line).push(diagnostic);
    }
    ruleText.value.split("\n").forEach((text, index) => {
      const number = index + 1;
      const line = element(document, "div", "line", undefined);
      line.id = "R" + number;
      line.dataset.line = String(number);
      line.appendChild(element(document, "span", "ln", String(number)));
      line.appendChild(element(document, "code", "", text));
      for (const diagnostic of byLine.get(number) ?? []) {
        line.classList.add("diag-" + diagnostic.severity);
        line.appendChild(element(document, "span", "diag", `${diagnostic.column}: ${diagnostic.message}`));
      }
      ruleLines.appendChild(line);
    });
  }

  function showDiagnostics(diagnostics) {
    diagnosticsList.replaceChildren();
    if (!diagnostics.length) diagnosticsList.appendChild(element(document, "li", "none", word("noDiagnostics")));
    for (const diagnostic of diagnostics) {
      const item = element(document, "li", diagnostic.severity, undefined);
      item.dataset.line = String(diagnostic.line ?? "");
      const where = diagnostic.line ? `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}` : diagnostic.file ?? "";
      const link = element(document, "a", "where", where);
      link.href = "#R" + (diagnostic.line ?? 1);
      item.appendChild(link);
      item.appendChild(document.createTextNode(` ${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}`));
      diagnosticsList.appendChild(item);
    }
    showRuleLines(diagnostics);
  }

  function showExamples(examples) {
    examplesList.replaceChildren();
    if (!examples) return;
    for (const result of examples.results) {
      const item = element(document, "li", result.passed ? "pass" : "fail",
        `${result.passed ? word("passed") : word("failed")} ${result.name.startsWith(result.rule) ? "" : result.rule + " "}${result.name} (${word("line")} ${result.line})`
        + (result.message ? ` — ${result.message}` : ""));
      examplesList.appendChild(item);
    }
  }

  function showFindings(report) {
    findingsList.replaceChildren();
    const candidate = report?.candidates?.[0];
    if (!candidate) return;
    for (const error of candidate.errors ?? []) {
      findingsList.appendChild(element(document, "li", "finding error",
        `${error.file}:${error.line}:${error.column} ${error.code}: ${error.message}`));
    }
    if (!candidate.findings.length && !(candidate.errors ?? []).length) {
      findingsList.appendChild(element(document, "li", "none", word("noFindings")));
    }
    for (const finding of candidate.findings) {
      const item = element(document, "li", "finding " + finding.severity, undefined);
      const head = element(document, "p", "head", undefined);
      head.appendChild(element(document, "span", "sev " + finding.severity, finding.severity));
      head.appendChild(document.createTextNode(" "));
      head.appendChild(element(document, "code", "rule", finding.rule));
      head.appendChild(document.createTextNode(" "));
      head.appendChild(element(document, "strong", "title", finding.title));
      item.appendChild(head);
      item.appendChild(element(document, "p", "message", finding.message));
      if (finding.basis) item.appendChild(element(document, "p", "basis", `${word("basis")}: ${finding.basis}`));
      const evidence = element(document, "ul", "evidence", undefined);
      for (const value of finding.evidence ?? []) {
        evidence.appendChild(element(document, "li", "", `${value.path} = ${JSON.stringify(value.value)} (${word("line")} ${value.line})`));
      }
      for (const comparison of finding.comparisons ?? []) {
        evidence.appendChild(element(document, "li", "comparison", comparison));
      }
      item.appendChild(evidence);
      findingsList.appendChild(item);
    }
  }

  async function run() {
    const mine = ++sequence;
    status.textContent = word("running");
    const body = { rules: ruleText.value };
    if (choice.value) body.dossier_file = choice.value;
    else if (dossierText.value.trim()) body.dossier = dossierText.value;
    try {
      const response = await fetch(`/v1/playground?lang=${lang}`, {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
      });
      const answer = await response.json();
      if (mine !== sequence) return;
      if (!response.ok) {
        const error = answer.error ?? { message: response.statusText, diagnostics: [] };
        showDiagnostics(error.diagnostics ?? []);
        status.textContent = `${error.code ?? response.status}: ${error.message}`;
        return;
      }
      showDiagnostics(answer.diagnostics);
      showExamples(answer.examples);
      showFindings(answer.report);
      status.textContent = answer.examples ? `${answer.examples.passed} ${word("passed")}, ${answer.examples.failed} ${word("failed")}` : "";
      document.body.dataset.playgroundRuns = String(mine);
    } catch (failure) {
      if (mine === sequence) status.textContent = String(failure);
    }
  }

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(run, DELAY);
  };
  ruleText.addEventListener("input", schedule);
  dossierText.addEventListener("input", schedule);
  choice.addEventListener("change", schedule);
  if (ruleText.value.trim()) run();
  else showDiagnostics([]);
}
