// Small progressive enhancements; every page works without this script.
document.addEventListener("DOMContentLoaded", () => {
  // Ask before irreversible actions (forms marked data-confirm).
  for (const form of document.querySelectorAll("form[data-confirm]")) {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  }
  // Filter forms submit as soon as a choice changes.
  for (const select of document.querySelectorAll("form.filters select")) {
    select.addEventListener("change", () => select.form.requestSubmit());
  }
  // Print buttons of reports.
  for (const button of document.querySelectorAll("[data-print]")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }
  // Lists of rows (a summary's key points, recommendations...): "Add" copies the last
  // row, numbered one further and empty.
  for (const list of document.querySelectorAll("[data-rows]")) {
    const button = list.querySelector("[data-add-row]");
    if (!button) continue;
    button.hidden = false;
    button.addEventListener("click", () => addRow(list, true));
  }
  for (const form of document.querySelectorAll("form[data-draft-key]")) keepDraft(form);
  // Tables of rows to tick: a box in the heading ticks or clears every row shown.
  for (const form of document.querySelectorAll("form[data-select-all]")) {
    const all = form.querySelector("[data-select-all-box]");
    const boxes = [...form.querySelectorAll('tbody input[type="checkbox"]')];
    if (!all) continue;
    all.hidden = false;
    all.addEventListener("change", () => boxes.forEach((b) => (b.checked = all.checked)));
    for (const box of boxes) {
      box.addEventListener("change", () => {
        all.checked = boxes.every((b) => b.checked);
        all.indeterminate = !all.checked && boxes.some((b) => b.checked);
      });
    }
  }
  // Signing out (on a shared computer, say) leaves no unsaved drafts behind.
  for (const form of document.querySelectorAll('form[action="/logout"]')) {
    form.addEventListener("submit", () => {
      for (const key of Object.keys(localStorage)) {
        if (key.startsWith("roundtable-draft:")) localStorage.removeItem(key);
      }
    });
  }
});

function addRow(list, focus) {
  const rows = list.querySelectorAll("[data-row]");
  const last = rows[rows.length - 1];
  if (!last) return null;
  const n = rows.length;
  const row = last.cloneNode(true);
  const renumber = (text) => text.replace(/\[\d+\]/, `[${n}]`).replace(/-\d+(?=-|$)/, `-${n}`);
  for (const el of row.querySelectorAll("[name]")) el.name = renumber(el.name);
  for (const el of row.querySelectorAll("[id]")) el.id = renumber(el.id);
  for (const el of row.querySelectorAll("label[for]")) {
    el.htmlFor = renumber(el.htmlFor);
    el.textContent = el.textContent.replace(/\d+\s*$/, String(n + 1));
  }
  for (const el of row.querySelectorAll("input, textarea")) el.value = "";
  for (const el of row.querySelectorAll("select")) el.selectedIndex = 0;
  for (const el of row.querySelectorAll(".error")) el.remove();
  for (const el of row.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
  for (const el of row.querySelectorAll(".invalid")) el.classList.remove("invalid");
  last.after(row);
  if (focus) row.querySelector("input, textarea, select")?.focus();
  return row;
}

// Drafts survive a closed tab or an expired sign-in: what is typed is kept in this
// browser until the server has it, and put back when the page opens on the same saved
// version.
function keepDraft(form) {
  const key = `roundtable-draft:${form.dataset.draftKey}`;
  const version = form.dataset.draftVersion;
  const skip = new Set(["_csrf", "version", "action"]);
  const fields = () => {
    const out = {};
    for (const [name, value] of new FormData(form)) if (!skip.has(name)) out[name] = value;
    return out;
  };
  const same = (a, b) => Object.keys({ ...a, ...b }).every((k) => (a[k] || "").trim() === (b[k] || "").trim());
  let stored = null;
  try { stored = JSON.parse(localStorage.getItem(key) || "null"); } catch { stored = null; }
  if (stored && stored.version !== version) {
    localStorage.removeItem(key);
  } else if (stored && !same(stored.fields, fields())) {
    for (const [name, value] of Object.entries(stored.fields)) {
      let el = form.elements.namedItem(name);
      for (let tries = 0; !el && tries < 60; tries++) {
        const prefix = name.split("[")[0];
        const list = form.querySelector(`[data-rows="${prefix}"]`);
        if (!list || !addRow(list, false)) break;
        el = form.elements.namedItem(name);
      }
      if (el && "value" in el) el.value = value;
    }
    const notice = document.querySelector("[data-draft-notice]");
    if (notice) {
      notice.hidden = false;
      const when = notice.querySelector("[data-draft-when]");
      if (when) when.textContent = new Date(stored.at).toLocaleString();
      notice.querySelector("[data-draft-discard]")?.addEventListener("click", () => {
        localStorage.removeItem(key);
        window.location.reload();
      });
    }
  } else if (stored) {
    localStorage.removeItem(key);
  }
  const initial = fields();
  let timer = null;
  const save = () => {
    const now = fields();
    if (same(now, initial) && !localStorage.getItem(key)) return;
    localStorage.setItem(key, JSON.stringify({ version, at: Date.now(), fields: now }));
  };
  form.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(save, 300); });
  form.addEventListener("change", save);
  form.addEventListener("submit", save);
  window.addEventListener("pagehide", save);
}

/* ----- A country proposes its region ----- */
// On forms with a country and a region, choosing the country fills in the region and
// sub-region it is usually filed under, unless the organizer chose them already; a
// note under the region says so, for screen readers too.
document.addEventListener("DOMContentLoaded", () => {
  const data = document.getElementById("country-regions");
  if (!data) return;
  const map = JSON.parse(data.textContent);
  for (const country of document.querySelectorAll('select[name="country"]')) {
    const form = country.form;
    const region = form && form.querySelector('select[name="region"]');
    if (!region) continue;
    const sub = form.querySelector('select[name="subregion"]');
    const note = document.createElement("span");
    note.className = "hint";
    note.setAttribute("aria-live", "polite");
    region.insertAdjacentElement("afterend", note);
    let proposed = null;
    country.addEventListener("change", () => {
      const hit = map[country.value];
      const mine = (select, value) => !select.value || (proposed && select.value === value);
      if (!hit || !mine(region, proposed && proposed[0])) return;
      region.value = hit[0];
      if (sub && mine(sub, proposed && proposed[1])) sub.value = hit[1];
      proposed = hit;
      note.textContent = `Proposed from the country: ${region.selectedOptions[0].text}${sub && sub.value ? `, ${sub.selectedOptions[0].text}` : ""}. Change it if needed.`;
    });
  }
});
