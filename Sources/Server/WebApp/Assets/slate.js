// The slate page: a filter of the candidate table by verdict, and sorting by any column
// (a button in each heading, `aria-sort` on the sorted one).
export function start(document) {
  const table = document.getElementById("candidate-table");
  const controls = document.getElementById("verdict-filter");
  if (!table || !controls) return;
  controls.hidden = false;
  const rows = () => Array.from(table.tBodies[0].rows);

  controls.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-filter]");
    if (!button) return;
    const verdict = button.dataset.filter;
    for (const row of rows()) {
      row.classList.toggle("filtered", verdict !== "all" && row.dataset.verdict !== verdict);
    }
    for (const other of controls.querySelectorAll("button")) {
      other.setAttribute("aria-pressed", String(other === button));
    }
  });

  const headings = Array.from(table.tHead.rows[0].cells);
  headings.forEach((heading, column) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    button.textContent = heading.textContent;
    heading.textContent = "";
    heading.appendChild(button);
    button.addEventListener("click", () => {
      const descending = heading.getAttribute("aria-sort") === "ascending";
      for (const other of headings) other.removeAttribute("aria-sort");
      heading.setAttribute("aria-sort", descending ? "descending" : "ascending");
      const type = heading.dataset.type;
      const key = (row) => {
        const cell = row.cells[column];
        const text = cell.dataset.sort ?? cell.textContent.trim();
        return type === "text" ? text : Number(text);
      };
      const sorted = rows().sort((a, b) => {
        const [x, y] = [key(a), key(b)];
        const order = typeof x === "number" ? x - y : x.localeCompare(y, document.documentElement.lang);
        return descending ? -order : order;
      });
      for (const row of sorted) table.tBodies[0].appendChild(row);
    });
  });
}
