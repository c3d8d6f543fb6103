// Small progressive enhancements; every page works without this script.

/* ----- What the script says, in the page's language ----- */
// The layout gives the messages (`i18n::script_messages`) as JSON in #ui-messages, their
// variables as {name}; the English here is what is said without them.
const UI_MESSAGES = (() => {
  try {
    return JSON.parse(document.getElementById("ui-messages")?.textContent || "{}");
  } catch {
    return {};
  }
})();

function say(id, english, vars = {}) {
  const text = UI_MESSAGES[id] ?? english;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

/// A message counting `n` things: its form for one, else its other form.
function sayCount(id, n, one, other) {
  return n === 1 ? say(`${id}.one`, one) : say(`${id}.other`, other, { count: n });
}

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
  // Live counts (the check-in page): read again every few seconds, so that the count
  // follows what other devices at the door do.
  for (const count of document.querySelectorAll("[data-live-count]")) followCount(count);
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
      const named = `${region.selectedOptions[0].text}${sub && sub.value ? `, ${sub.selectedOptions[0].text}` : ""}`;
      note.textContent = say("region-proposed", "Proposed from the country: {region}. Change it if needed.", { region: named });
    });
  }
});

/* ----- Markdown toolbar and preview ----- */
// For people who do not know Markdown: buttons above a textarea (marked
// data-md-preview) that make the selection bold or italic, turn its lines into a list or
// a link; and a preview under it, drawn by the server exactly as the report draws it.
// Without this script the buttons and the preview stay hidden and Markdown can be typed.
document.addEventListener("DOMContentLoaded", () => {
  for (const area of document.querySelectorAll("textarea[data-md-preview]")) markdownHelp(area);
});

function markdownHelp(area) {
  const toolbar = document.querySelector(`[data-md-toolbar="${area.id}"]`);
  const box = document.querySelector(`[data-md-preview-of="${area.id}"]`);
  if (toolbar) {
    toolbar.hidden = false;
    for (const button of toolbar.querySelectorAll("button[data-md]")) {
      button.addEventListener("click", () => {
        markdownFormat(area, button.dataset.md);
        area.dispatchEvent(new Event("input", { bubbles: true }));
      });
    }
  }
  if (!box) return;
  const out = box.querySelector(".prose");
  const csrf = area.form?.querySelector('input[name="_csrf"]')?.value ?? "";
  let timer = null;
  let asked = 0;
  const refresh = async () => {
    const mine = ++asked;
    try {
      const body = new URLSearchParams({ _csrf: csrf, text: area.value });
      const res = await fetch(area.dataset.mdPreview, { method: "POST", body, credentials: "same-origin" });
      if (!res.ok) throw new Error(String(res.status));
      const html = await res.text();
      // The server's fragment: every text escaped, only safe links (domain::RichText).
      if (mine === asked) out.innerHTML = html;
    } catch {
      if (mine === asked) out.textContent = say("preview-unavailable", "The preview is not available just now; what you type is kept.");
    }
  };
  box.hidden = false;
  area.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  });
  refresh();
}

/// Changes the textarea's selection (or, when nothing is selected, inserts an example to
/// type over): wraps it in ** or *, prefixes its lines with "- " or "1. ", or makes it
/// a link whose address is left selected to type.
function markdownFormat(area, kind) {
  const { value, selectionStart: start, selectionEnd: end } = area;
  const selected = value.slice(start, end);
  const replace = (from, to, text, selectFrom, selectTo) => {
    area.focus();
    area.setSelectionRange(from, to);
    // execCommand keeps the browser's undo history; setRangeText where it is missing.
    if (!document.execCommand?.("insertText", false, text)) area.setRangeText(text, from, to, "end");
    area.setSelectionRange(from + selectFrom, from + selectTo);
  };
  if (kind === "bold" || kind === "italic") {
    const mark = kind === "bold" ? "**" : "*";
    // Spaces around the selection stay outside the marks, where Markdown needs them.
    const inner = selected.trim() || (kind === "bold" ? "bold text" : "emphasised text");
    const lead = selected.length - selected.trimStart().length;
    const text = `${mark}${inner}${mark}`;
    replace(start + lead, start + lead + (selected.trim() ? inner.length : 0), text, mark.length, mark.length + inner.length);
    return;
  }
  if (kind === "link") {
    const label = selected.trim() || say("link-text", "link text");
    const text = `[${label}](https://)`;
    const address = label.length + 3;
    if (selected.trim()) replace(start, end, text, address, address + "https://".length);
    else replace(start, end, text, 1, 1 + label.length);
    return;
  }
  // Lists: whole lines, each one an item; a blank line before the list if it follows text.
  const lineStart = value.lastIndexOf("\n", start - 1) + 1;
  let lineEnd = value.indexOf("\n", Math.max(end - (end > start && value[end - 1] === "\n" ? 1 : 0), start));
  if (lineEnd === -1) lineEnd = value.length;
  const lines = value.slice(lineStart, lineEnd).split("\n");
  const items = lines.map((line, i) => {
    const bare = line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, "");
    return kind === "numbers" ? `${i + 1}. ${bare || "item"}` : `- ${bare || "item"}`;
  });
  const before = value.slice(0, lineStart);
  const gap = before.length > 0 && !before.endsWith("\n\n") ? (before.endsWith("\n") ? "\n" : "\n\n") : "";
  const text = gap + items.join("\n");
  replace(lineStart, lineEnd, text, gap.length, text.length);
}

/* ----- Invitation composer ----- */
// The composer's Send buttons say how many invitations the ticked boxes make; a preview
// the organizer has since changed says it is out of date; the page that comes back after
// "Preview" or a refusal puts the focus on the preview or on what to correct. Without
// this script the page works the same, the count as of the last load.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form[data-composer]");
  if (!form) return;
  const boxes = [...form.querySelectorAll('input[type="checkbox"]')];
  const buttons = document.querySelectorAll("button[data-send-count]");
  const preview = document.getElementById("preview");
  const count = () => {
    const n = boxes.filter((box) => box.checked).length;
    for (const button of buttons) button.textContent = sayCount("send-invitations", n, "Send 1 invitation", "Send {count} invitations");
  };
  const outdated = () => {
    if (!preview || preview.querySelector("[data-outdated]")) return;
    const note = document.createElement("p");
    note.className = "notice returned";
    note.dataset.outdated = "";
    note.setAttribute("role", "status");
    note.textContent = say("recipients-changed", "You changed the recipients or the message since this preview: press “Preview” again to see the mails as they will go.");
    preview.querySelector("h2")?.after(note);
  };
  for (const box of boxes) box.addEventListener("change", () => { count(); outdated(); });
  form.querySelector("textarea[name=message]")?.addEventListener("input", outdated);
  count();
  const errors = document.getElementById("errors");
  if (errors) errors.focus();
  else if (preview && window.location.hash === "#preview") preview.focus();
});

function followCount(element) {
  const checkedIn = element.querySelector("[data-count-checked-in]");
  const expected = element.querySelector("[data-count-expected]");
  const read = async () => {
    if (document.hidden) return;
    try {
      const response = await fetch(element.dataset.liveCount, { headers: { Accept: "application/json" } });
      if (!response.ok) return;
      const count = await response.json();
      if (checkedIn) checkedIn.textContent = String(count.checked_in);
      if (expected) expected.textContent = String(count.expected);
    } catch (_) {
      // Offline for a moment: the next reading will do.
    }
  };
  window.setInterval(read, 5000);
}

/* ----- The library's forms: a file dropped, its upload followed ----- */
// The form that adds a document: a file dropped on the zone (or chosen in it) says its
// name and size; the form is sent by XMLHttpRequest so that a progress bar follows the
// upload, and a refusal shows each error beside its field without reloading, the file
// still chosen and nothing typed lost. The form that edits one is sent the same way.
// Without this script both post as they are and come back with their errors.
document.addEventListener("DOMContentLoaded", () => {
  for (const zone of document.querySelectorAll("[data-drop-zone]")) dropZone(zone);
  for (const form of document.querySelectorAll("form[data-upload-form]")) uploadForm(form);
  for (const box of document.querySelectorAll("[data-choice-filter]")) choiceFilter(box);
});

function fileSize(bytes) {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function dropZone(zone) {
  const input = zone.querySelector('input[type="file"]');
  const chosen = zone.querySelector("[data-drop-chosen]");
  if (!input) return;
  zone.classList.add("enhanced");
  const show = () => {
    const file = input.files[0];
    if (chosen) chosen.textContent = file ? say("chosen-file", "Chosen: {file} ({size})", { file: file.name, size: fileSize(file.size) }) : "";
  };
  input.addEventListener("change", show);
  for (const type of ["dragenter", "dragover"]) {
    zone.addEventListener(type, (event) => {
      event.preventDefault();
      zone.classList.add("dragging");
    });
  }
  zone.addEventListener("dragleave", (event) => {
    if (!zone.contains(event.relatedTarget)) zone.classList.remove("dragging");
  });
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("dragging");
    const file = event.dataTransfer?.files?.[0];
    if (!file) return;
    const list = new DataTransfer();
    list.items.add(file);
    input.files = list.files;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
  // The whole zone chooses a file, not only its button.
  zone.addEventListener("click", (event) => {
    if (event.target.closest("input, label, a, button")) return;
    input.click();
  });
  // A file dropped beside the zone would replace the page (and what was typed) by the
  // file; it is ignored instead.
  for (const type of ["dragover", "drop"]) {
    window.addEventListener(type, (event) => {
      if (!zone.contains(event.target)) event.preventDefault();
    });
  }
  if (input.files.length) show();
}

/// Narrows a long list of boxes to those whose label holds what is typed.
function choiceFilter(box) {
  const input = box.querySelector("input");
  const list = box.parentElement?.querySelector(".choice-list");
  if (!input || !list) return;
  box.hidden = false;
  const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  input.addEventListener("input", () => {
    const words = fold(input.value).split(/\s+/).filter(Boolean);
    for (const item of list.querySelectorAll("li")) {
      const text = fold(item.textContent);
      item.hidden = !words.every((w) => text.includes(w));
    }
  });
  // Enter filters; it does not send the form.
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") event.preventDefault();
  });
}

function uploadForm(form) {
  const progress = form.querySelector("[data-upload-progress]");
  const bar = progress?.querySelector("progress");
  const label = progress?.querySelector("[data-upload-label]");
  const percent = progress?.querySelector("[data-upload-percent]");
  const button = form.querySelector('button[type="submit"]');
  const summary = document.querySelector("[data-errors]");
  let sending = false;
  const settle = () => {
    sending = false;
    if (button) button.disabled = false;
    if (progress) progress.hidden = true;
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (sending) return;
    sending = true;
    if (button) button.disabled = true;
    const file = form.querySelector('input[type="file"]')?.files?.[0];
    if (progress) {
      progress.hidden = false;
      bar.value = 0;
      label.textContent = file ? say("uploading", "Uploading {file}…", { file: file.name }) : say("saving", "Saving…");
      percent.textContent = "0%";
    }
    const xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.addEventListener("progress", (e) => {
      if (!progress || !e.lengthComputable || e.total === 0) return;
      const done = Math.round((e.loaded / e.total) * 100);
      bar.value = done;
      percent.textContent = `${done}%`;
      if (done >= 100) label.textContent = say("saving", "Saving…");
    });
    xhr.addEventListener("load", () => {
      let answer = null;
      if (/json/.test(xhr.getResponseHeader("Content-Type") || "")) {
        try { answer = JSON.parse(xhr.responseText); } catch { answer = null; }
      }
      if (xhr.status >= 200 && xhr.status < 300 && answer?.location) {
        if (bar) bar.value = 100;
        window.location.assign(answer.location);
        return;
      }
      settle();
      if (xhr.status === 422 && Array.isArray(answer?.errors)) {
        showErrors(form, summary, answer.errors, null);
      } else if (answer?.detail) {
        showErrors(form, summary, [], answer.detail);
      } else if (new URL(xhr.responseURL || form.action, window.location.href).pathname === "/login") {
        showErrors(form, summary, [], say("session-ended", "Your session has ended. Sign in again in another tab, then send the form again: what you typed and chose is kept here."));
      } else {
        showErrors(form, summary, [], say("unexpected", "The server answered unexpectedly ({status}). Nothing was saved; sign in again if your session ended, then send the form again.", { status: xhr.status }));
      }
    });
    for (const type of ["error", "abort", "timeout"]) {
      xhr.addEventListener(type, () => {
        settle();
        showErrors(form, summary, [], say("upload-broke", "The upload broke off (is the connection down?). Nothing was saved; send the form again."));
      });
    }
    xhr.send(new FormData(form));
  });
}

/// Puts each error ({field, message}, named as the form's fields) beside its field, and
/// says at the top how many fields to correct; an error of no field is listed there.
function showErrors(form, summary, errors, message) {
  const errorId = (name) => `f-${name.replace(/_/g, "-")}-error`;
  for (const old of form.querySelectorAll(".error")) {
    for (const el of form.querySelectorAll(`[aria-describedby~="${old.id}"]`)) {
      const rest = el.getAttribute("aria-describedby").split(/\s+/).filter((id) => id && id !== old.id);
      if (rest.length) el.setAttribute("aria-describedby", rest.join(" "));
      else el.removeAttribute("aria-describedby");
    }
    old.remove();
  }
  for (const el of form.querySelectorAll(".invalid")) el.classList.remove("invalid");
  for (const el of form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
  const unshown = [];
  let shown = 0;
  for (const error of errors) {
    const named = form.elements.namedItem(error.field);
    const place = form.querySelector(`[data-field="${CSS.escape(error.field)}"]`) || (named instanceof Element ? named.closest(".field") : null);
    if (!place) {
      unshown.push(`${error.field.replace(/_/g, " ")}: ${error.message}`);
      continue;
    }
    shown += 1;
    place.classList.add("invalid");
    const note = document.createElement("span");
    note.className = "error";
    note.id = errorId(error.field);
    note.textContent = error.message;
    const legend = place.tagName === "FIELDSET" ? place.querySelector(":scope > legend") : null;
    if (legend) legend.after(note);
    else place.append(note);
    const described = place.tagName === "FIELDSET" ? [place] : [...place.querySelectorAll("input, select, textarea")];
    for (const el of described) {
      const ids = (el.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
      el.setAttribute("aria-describedby", [...ids, note.id].join(" "));
      if (el.tagName !== "FIELDSET") el.setAttribute("aria-invalid", "true");
    }
  }
  if (!summary) return;
  const count = shown + unshown.length;
  const heading = summary.querySelector("[data-errors-heading]");
  const note = summary.querySelector("[data-errors-note]");
  const list = summary.querySelector("[data-errors-list]");
  if (heading) heading.textContent = count ? sayCount("correct-fields", count, "Please correct 1 field", "Please correct {count} fields") : say("document-not-saved", "The document was not saved");
  if (note) note.textContent = form.querySelector('input[type="file"]')?.files?.length
    ? say("nothing-saved-file", "Nothing was saved yet; what you typed and the file you chose are kept below.")
    : say("nothing-saved", "Nothing was saved yet; what you typed is kept below.");
  if (list) {
    list.replaceChildren();
    for (const text of message ? [...unshown, message] : unshown) {
      const item = document.createElement("li");
      item.textContent = text;
      list.append(item);
    }
  }
  summary.hidden = false;
  summary.focus();
}
