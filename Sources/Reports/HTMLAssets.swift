/// The inline style sheet and script of the HTML report. Inline so the report is one file
/// that opens anywhere with no network; the script only filters and sorts, so with
/// scripting off everything is simply shown.
enum HTMLAssets {
    static let css = """
        :root { --fg: #1d2330; --muted: #5b6475; --line: #d9dee7; --bg: #f6f7f9; --card: #fff;
          --eligible: #1f7a3d; --review: #9a6700; --ineligible: #b42318; --invalid: #6941c6; --note: #175cd3; }
        * { box-sizing: border-box; }
        body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
          color: var(--fg); background: var(--bg); margin: 0; padding: 24px 32px; }
        h1 { font-size: 24px; margin: 0 0 4px; }
        h2 { font-size: 19px; margin: 32px 0 12px; border-bottom: 2px solid var(--line); padding-bottom: 4px; }
        h3 { font-size: 16px; margin: 0 0 6px; display: flex; gap: 10px; align-items: center; flex-wrap: wrap; }
        code { font: 13px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; background: #eef1f5;
          padding: 1px 4px; border-radius: 4px; overflow-wrap: anywhere; }
        .meta { color: var(--muted); margin: 0; }
        .cards { display: flex; gap: 12px; flex-wrap: wrap; margin-top: 20px; }
        .card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px; min-width: 130px; }
        .card .n { font-size: 26px; font-weight: 700; display: block; }
        .card.eligible .n { color: var(--eligible); } .card.review .n { color: var(--review); }
        .card.ineligible .n { color: var(--ineligible); } .card.invalid .n { color: var(--invalid); }
        .badge { display: inline-block; padding: 1px 10px; border-radius: 999px; font-size: 12px; font-weight: 600;
          color: #fff; white-space: nowrap; }
        .badge.eligible { background: var(--eligible); } .badge.review { background: var(--review); }
        .badge.ineligible { background: var(--ineligible); } .badge.invalid { background: var(--invalid); }
        .controls { margin: 0 0 10px; display: flex; gap: 6px; flex-wrap: wrap; }
        .controls button { font: inherit; font-size: 13px; border: 1px solid var(--line); background: var(--card);
          border-radius: 6px; padding: 3px 12px; cursor: pointer; }
        .controls button[aria-pressed="true"] { background: var(--fg); color: #fff; border-color: var(--fg); }
        table { border-collapse: collapse; width: 100%; background: var(--card); }
        th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: #eef1f5; font-size: 13px; user-select: none; }
        th.sortable { cursor: pointer; } th.sortable::after { content: " \\2195"; color: var(--muted); }
        th[aria-sort="ascending"]::after { content: " \\2191"; } th[aria-sort="descending"]::after { content: " \\2193"; }
        td.num { text-align: right; }
        .filtered { display: none; }
        article.candidate { background: var(--card); border: 1px solid var(--line); border-radius: 8px;
          padding: 14px 18px; margin: 0 0 14px; }
        .file { color: var(--muted); margin: 0 0 8px; }
        ul.findings { list-style: none; padding: 0; margin: 0; }
        li.finding { border-left: 4px solid var(--line); padding: 6px 12px; margin: 8px 0; }
        li.finding.disqualify { border-color: var(--ineligible); } li.finding.error { border-color: var(--invalid); }
        li.finding.review { border-color: var(--review); } li.finding.note { border-color: var(--note); }
        .sev { font-size: 12px; font-weight: 700; text-transform: uppercase; }
        .sev.disqualify { color: var(--ineligible); } .sev.error { color: var(--invalid); }
        .sev.review { color: var(--review); } .sev.note { color: var(--note); }
        .message { margin: 2px 0; } .basis, .loc { margin: 2px 0; color: var(--muted); font-size: 14px; }
        details { margin: 4px 0; } summary { cursor: pointer; color: var(--muted); font-size: 14px; }
        table.evidence { margin: 6px 0; font-size: 13px; }
        ul.errors { margin: 6px 0; padding-left: 18px; color: var(--invalid); }
        .none { color: var(--muted); font-style: italic; margin: 0; }
        li.finding.cleared { border-left-style: dashed; background: #f2f6f0; opacity: 0.8; }
        .decision { margin: 4px 0; padding: 4px 8px; border-radius: 4px; font-size: 14px; }
        .decision.cleared { background: #e3f1de; } .decision.upheld { background: #fbeedd; }
        .decision .mark { font-weight: 700; text-transform: uppercase; font-size: 12px; margin-right: 4px; }
        .hide-cleared li.finding.cleared { display: none; }
        footer { margin-top: 32px; color: var(--muted); font-size: 13px; }
        @media print {
          body { background: #fff; padding: 0; }
          .controls { display: none !important; }
          .filtered { display: revert !important; }
          article.candidate, li.finding { break-inside: avoid; }
          th.sortable::after { content: ""; }
        }
        """

    static let js = """
        (function () {
          var table = document.getElementById("candidate-table");
          var controls = document.getElementById("verdict-filter");
          if (!table || !controls) { return; }
          controls.hidden = false;
          function applyFilter(verdict) {
            var items = document.querySelectorAll("[data-verdict]");
            for (var i = 0; i < items.length; i++) {
              var show = verdict === "all" || items[i].getAttribute("data-verdict") === verdict;
              items[i].classList.toggle("filtered", !show);
            }
            var buttons = controls.querySelectorAll("button");
            for (var j = 0; j < buttons.length; j++) {
              if (buttons[j].hasAttribute("data-toggle")) { continue; }
              buttons[j].setAttribute("aria-pressed", String(buttons[j].getAttribute("data-filter") === verdict));
            }
          }
          controls.addEventListener("click", function (event) {
            var button = event.target.closest("button");
            if (button && button.hasAttribute("data-toggle")) {
              var hidden = document.body.classList.toggle("hide-cleared");
              button.setAttribute("aria-pressed", String(hidden));
            } else if (button) { applyFilter(button.getAttribute("data-filter")); }
          });
          var headers = table.querySelectorAll("th.sortable");
          function key(row, column, numeric) {
            var cell = row.cells[column];
            var text = cell.getAttribute("data-key") || cell.textContent;
            return numeric ? Number(text) : text;
          }
          Array.prototype.forEach.call(headers, function (header) {
            header.tabIndex = 0;
            function sort() {
              var column = header.cellIndex;
              var numeric = header.getAttribute("data-type") === "number";
              var ascending = header.getAttribute("aria-sort") !== "ascending";
              Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
              header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
              var body = table.tBodies[0];
              var rows = Array.prototype.slice.call(body.rows);
              rows.sort(function (a, b) {
                var x = key(a, column, numeric), y = key(b, column, numeric);
                var order = numeric ? x - y : String(x).localeCompare(String(y), document.documentElement.lang);
                return ascending ? order : -order;
              });
              rows.forEach(function (row) { body.appendChild(row); });
            }
            header.addEventListener("click", sort);
            header.addEventListener("keydown", function (event) {
              if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sort(); }
            });
          });
          window.addEventListener("beforeprint", function () {
            var details = document.querySelectorAll("details");
            for (var i = 0; i < details.length; i++) { details[i].open = true; }
          });
        })();
        """
}
