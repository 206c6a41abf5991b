// The decision forms of the candidate page: checked here first (a blank reason or decider,
// an expiry not after the decision date), then posted as JSON to POST /v1/decisions; each
// refusal is shown at its field (the answer's diagnostics name it by `path`), nothing else
// changes. The page is not rewritten: a reload shows the decision applied.
const word = (document, name) =>
  document.getElementById("words")?.content.querySelector(`[data-word="${name}"]`)?.textContent ?? name;

function fieldOf(form, path) {
  const name = String(path || "").split(".").pop().replace(/\[\d+\]$/, "");
  return form.querySelector(`[data-field="${name}"]`);
}

function clearMessages(form) {
  for (const slot of form.querySelectorAll(".field-error")) slot.textContent = "";
  for (const control of form.querySelectorAll("[aria-invalid]")) control.removeAttribute("aria-invalid");
  const status = form.querySelector(".form-status");
  status.textContent = "";
  status.className = "form-status";
}

function say(form, path, message) {
  const field = fieldOf(form, path);
  if (!field) return false;
  const slot = field.querySelector(".field-error");
  slot.textContent = slot.textContent ? slot.textContent + " " + message : message;
  for (const control of field.querySelectorAll("input, textarea")) control.setAttribute("aria-invalid", "true");
  return true;
}

/** The problems found before sending, as [field, message]. */
export function check(values, words) {
  const problems = [];
  if (!values.reason || !values.reason.trim()) problems.push(["reason", words.required]);
  if ("decided_by" in values && !values.decided_by.trim()) problems.push(["decided_by", words.required]);
  if (!values.decided_on) problems.push(["decided_on", words.required]);
  if (values.expires && values.decided_on && values.expires <= values.decided_on) {
    problems.push(["expires", words.expiry]);
  }
  return problems;
}

function values(form) {
  const data = new FormData(form);
  const body = {};
  // The outcome radios are named after their form (`outcome-f-2`), so that each form is one group.
  for (const [name, value] of data.entries()) body[name.startsWith("outcome-") ? "outcome" : name] = String(value);
  return body;
}

function request(body) {
  const json = {
    slate: body.slate, rule: body.rule, at: body.at, content: body.content, outcome: body.outcome,
    reason: body.reason.trim(), decided_on: body.decided_on,
  };
  if (body.involved !== undefined) json.involved = body.involved.split("\n").filter(Boolean);
  else json.candidate = body.candidate;
  if (body.reference && body.reference.trim()) json.reference = body.reference.trim();
  if (body.expires) json.expires = body.expires;
  if (body.decided_by !== undefined) json.decided_by = body.decided_by.trim();
  return json;
}

export function startDecisionForms(document) {
  const words = {
    required: word(document, "fieldRequired"), expiry: word(document, "expiryBeforeDecision"),
    saved: word(document, "decisionSaved"), refused: word(document, "decisionRefused"),
  };
  for (const form of document.querySelectorAll("form[data-decision]")) {
    form.hidden = false;
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      clearMessages(form);
      const status = form.querySelector(".form-status");
      const body = values(form);
      const problems = check(body, words);
      for (const [field, message] of problems) say(form, field, message);
      if (problems.length) {
        status.textContent = words.refused;
        status.classList.add("refused");
        fieldOf(form, problems[0][0])?.querySelector("input, textarea")?.focus();
        return;
      }
      const button = form.querySelector("button[type=submit]");
      button.disabled = true;
      try {
        const response = await fetch("/v1/decisions", {
          method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(request(body)),
        });
        if (response.status === 201) {
          status.textContent = words.saved;
          status.classList.add("ok");
          form.dataset.saved = "true";
          for (const control of form.querySelectorAll("input, textarea")) control.disabled = true;
          return;
        }
        let error = { message: response.statusText, diagnostics: [] };
        try { error = (await response.json()).error ?? error; } catch { /* not JSON */ }
        // Each diagnostic at its field; those of no visible field (the hidden content
        // fingerprint of a finding that changed) in the status line, with the message.
        const elsewhere = [];
        for (const diagnostic of error.diagnostics ?? []) {
          if (!say(form, diagnostic.path, diagnostic.message)) elsewhere.push(diagnostic.message);
        }
        status.textContent = [words.refused, error.message ?? "", ...elsewhere].filter(Boolean).join(" ");
        status.classList.add("refused");
        button.disabled = false;
      } catch (failure) {
        status.textContent = `${words.refused} ${failure}`;
        status.classList.add("refused");
        button.disabled = false;
      }
    });
  }
}
