// What the browser checks share: the real binary on a fresh SQLite database, headless
// Debian Chromium (playwright-core; no browser is downloaded), pages that record console
// errors, and screenshots of every page visited, each audited by axe-core for WCAG 2 A
// and AA findings.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, readdirSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import net from "node:net";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
export const bin = process.env.ROUNDTABLE_BIN ?? path.join(root, "target/debug/roundtable");
const shots = path.join(here, "screenshots");
const axeSource = path.join(here, "node_modules/axe-core/axe.min.js");

export const consoleErrors = [];
export const accessibility = [];

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

async function waitForHealth(url, deadlineMs) {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("server did not become healthy");
}

/// Starts the server on a new database (after `prepare`, run as commands of the binary
/// with their standard input) and the browser. Screenshots are named after `name`.
export async function start(name, prepare = []) {
  const work = mkdtempSync(path.join(tmpdir(), "roundtable-browser-"));
  const dbUrl = `sqlite://${path.join(work, "roundtable.db")}`;
  mkdirSync(shots, { recursive: true });
  for (const { args, input } of prepare) {
    const run = spawnSync(bin, [...args, "--database-url", dbUrl], { input, cwd: work, encoding: "utf8" });
    assert.equal(run.status, 0, run.stderr);
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(bin, ["serve", "--bind", `127.0.0.1:${port}`, "--database-url", dbUrl], {
    cwd: work,
    stdio: "inherit",
    env: { ...process.env, ROUNDTABLE_MAIL__URL: `file://${path.join(work, "outbox")}` },
  });
  await waitForHealth(base, 20000);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-dev-shm-usage", "--no-first-run", "--disable-sync"],
  });
  let shot = 0;

  async function newPage(width = 1280) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    page.on("console", (msg) => {
      if (msg.type() !== "error") return;
      // A form sent back with its errors answers 422 (or 401 for a failed sign-in, 409 for
      // a conflict) on purpose; Chromium reports the document's own status as a console
      // error; so does a spent single-use link (410). Any other resource that fails to load
      // still counts.
      const documentStatus = msg.text().startsWith("Failed to load resource") && msg.location().url === page.url();
      if (documentStatus && /status of (401|409|410|422)/.test(msg.text())) return;
      consoleErrors.push(`${page.url()} (${msg.location().url}): ${msg.text()}`);
    });
    page.on("pageerror", (err) => consoleErrors.push(`${page.url()}: ${err.message}`));
    page.on("dialog", (dialog) => dialog.accept());
    return page;
  }

  // Runs axe-core (WCAG 2 A and AA rules: labels, contrast, headings, landmarks...) on the
  // page and records its serious and critical findings.
  async function audit(page, label) {
    // Evaluated through the DevTools protocol, which the pages' Content-Security-Policy
    // (no inline script) does not block, unlike an added <script> element.
    await page.evaluate(readFileSync(axeSource, "utf8"));
    const found = await page.evaluate(async () => {
      const result = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] } });
      return result.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join("; ")})`);
    });
    for (const finding of found) accessibility.push(`${label}: ${finding}`);
  }

  async function snap(page, label) {
    shot += 1;
    const width = page.viewportSize().width;
    await page.screenshot({ path: path.join(shots, `${name}-${String(shot).padStart(2, "0")}-${label}-${width}.png`), fullPage: true });
    await audit(page, `${label}-${width}`);
  }

  async function stop() {
    await browser.close();
    server.kill("SIGTERM");
    rmSync(work, { recursive: true, force: true });
  }

  const outbox = path.join(work, "outbox");
  return { base, browser, newPage, snap, stop, outbox, mailTo: (to, subject) => mailTo(outbox, to, subject) };
}

/// Decodes the body of a MIME part as lettre writes it (quoted-printable, base64 or 7bit).
function decodePart(headers, body) {
  const encoding = (/content-transfer-encoding:\s*([\w-]+)/i.exec(headers)?.[1] ?? "7bit").toLowerCase();
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") {
    const bytes = body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}

/// The plain-text body of the newest message to `to` whose subject matches, once the
/// server's mail worker has written it to the outbox folder (waits up to 15 s).
export async function mailTo(outbox, to, subject) {
  const end = Date.now() + 15000;
  while (Date.now() < end) {
    const found = [];
    if (existsSync(outbox)) {
      for (const name of readdirSync(outbox).filter((n) => n.endsWith(".eml"))) {
        const raw = readFileSync(path.join(outbox, name), "utf8");
        const [head] = raw.split(/\r?\n\r?\n/, 1);
        const unfolded = head.replace(/\r?\n[ \t]+/g, " ");
        if (!new RegExp(`^To:.*${to.replace(/[.+]/g, "\\$&")}`, "im").test(unfolded)) continue;
        const subjectLine = /^Subject:\s*(.*)$/im.exec(unfolded)?.[1] ?? "";
        // RFC 2047: the space between two encoded words is not text; the space after
        // one before plain text is.
        const decodedSubject = subjectLine.replace(/\?=\s+=\?/g, "?==?").replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, kind, text) =>
          kind.toLowerCase() === "b" ? Buffer.from(text, "base64").toString("utf8") : decodePart("content-transfer-encoding: quoted-printable", text.replace(/_/g, " ")));
        if (!subject.test(decodedSubject)) continue;
        const part = /Content-Type: text\/plain[^\n]*\r?\n((?:[\w-]+:.*\r?\n)*)\r?\n([\s\S]*?)\r?\n--/i.exec(raw);
        if (part) found.push({ name, subject: decodedSubject, text: decodePart(part[1], part[2]) });
      }
    }
    if (found.length) return found[found.length - 1];
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no mail to ${to} matching ${subject}`);
}

/// Removes the screenshots of earlier runs of a test file.
export function clearShots(name) {
  mkdirSync(shots, { recursive: true });
  spawnSync("sh", ["-c", `rm -f '${shots}'/${name}-*.png`]);
}

/// Signs `page` in through the sign-in form as `email`, and waits to leave it.
export async function signInAs(page, base, email, password) {
  await page.goto(`${base}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}
