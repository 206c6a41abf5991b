// The candidate page: clicking a finding scrolls the dossier to its line and highlights it
// and its evidence lines; each undecided review finding gets its decision form (decision.js).
import { startDecisionForms } from "./decision.js";

export function start(document) {
  const findings = Array.from(document.querySelectorAll("li.finding"));
  const clear = () => {
    for (const line of document.querySelectorAll(".line.highlight, .line.evidence-line")) {
      line.classList.remove("highlight", "evidence-line");
    }
    for (const item of findings) item.classList.remove("active");
  };
  const show = (finding) => {
    clear();
    finding.classList.add("active");
    const main = Number(finding.dataset.line);
    for (const number of (finding.dataset.lines || "").split(" ").filter(Boolean).map(Number)) {
      const line = document.getElementById("L" + number);
      if (line) line.classList.add(number === main ? "highlight" : "evidence-line");
    }
    const target = document.getElementById("L" + (main || Number((finding.dataset.lines || "").split(" ")[0])));
    if (target) target.scrollIntoView({ block: "center", behavior: "instant" });
  };
  for (const finding of findings) {
    finding.addEventListener("click", (event) => {
      if (event.target.closest("form, a, button, input, textarea, select, label")) {
        if (!event.target.closest("a.goto")) return;
        event.preventDefault();
      }
      show(finding);
    });
  }
  // A marker in the source jumps to its finding and shows its lines.
  for (const tag of document.querySelectorAll(".marks a.tag")) {
    tag.addEventListener("click", () => {
      const finding = document.getElementById(tag.getAttribute("href").slice(1));
      if (finding) show(finding);
    });
  }
  startDecisionForms(document);
}
