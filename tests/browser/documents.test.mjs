// Browser checks of the library's organizers' pages on the demo data: an organizer opens
// the form from the workspace, chooses a file and then drops another on the zone, sends
// the form without a title and sees the error beside the title without the page
// reloading (the file still chosen, what was typed kept); then a program named .pdf,
// refused beside the file; then, the right file dropped again and the upload slowed down,
// the progress bar follows the upload and the organizer lands on the document's page.
// Every page is audited by axe-core.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, clearShots, consoleErrors, accessibility, signInAs } from "./harness.mjs";

const organizer = "organizer@example.org";
const password = "roundtable-demo";
const title = "Policy memo: the Responsibility to Protect in the Americas";

let app;

before(async () => {
  clearShots("documents");
  app = await start("documents", [{ args: ["demo"] }]);
});

after(async () => {
  await app?.stop();
});

async function signIn(page) {
  await signInAs(page, app.base, organizer, password);
}

/// A one-page PDF saying `words`, padded with a comment to about `size` bytes (so that
/// its upload takes a moment when the network is slowed down), its cross-reference table
/// true to its offsets.
function pdf(words, size) {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    null,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  const text = `BT /F1 18 Tf 72 760 Td (${words}) Tj ET`;
  objects[3] = `<< /Length ${text.length} >>\nstream\n${text}\nendstream`;
  let out = "%PDF-1.4\n";
  const line = `%${"x".repeat(78)}\n`;
  while (out.length < size) out += line;
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/// Drops a file on the drop zone, as a file dragged from the desktop is.
async function dropFile(page, name, bytes) {
  const dataTransfer = await page.evaluateHandle(
    ({ name, base64 }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type: "application/pdf" }));
      return transfer;
    },
    { name, base64: bytes.toString("base64") },
  );
  await page.dispatchEvent("[data-drop-zone]", "dragenter", { dataTransfer });
  await page.dispatchEvent("[data-drop-zone]", "dragover", { dataTransfer });
  await page.dispatchEvent("[data-drop-zone]", "drop", { dataTransfer });
}

const chosenFile = (page) => page.evaluate(() => {
  const file = document.querySelector("#f-file").files[0];
  return file ? `${file.name} ${file.size}` : "";
});

test("an organizer uploads a document, fixes what the form refused and follows the upload", async () => {
  const { base, newPage, snap } = app;
  const page = await newPage(1280);
  await signIn(page);

  // The way in: the workspace, then the list.
  await page.goto(`${base}/organize`);
  await page.getByRole("link", { name: "Library documents" }).click();
  await page.waitForURL(`${base}/organize/documents`);
  await snap(page, "list");
  await page.getByRole("link", { name: "Add a document" }).click();
  await page.waitForURL(`${base}/organize/documents/new`);

  // Chosen with the file input, then replaced by a file dropped on the zone.
  const memo = pdf("Hemispheric focal points and the Responsibility to Protect", 1_600_000);
  await page.setInputFiles("#f-file", { name: "draft.pdf", mimeType: "application/pdf", buffer: pdf("A draft", 2000) });
  await page.getByText(/Chosen: draft\.pdf \(\d+ KB\)/).waitFor();
  await dropFile(page, "memo.pdf", memo);
  await page.getByText("Chosen: memo.pdf (1.5 MB)").waitFor();
  assert.equal(await chosenFile(page), `memo.pdf ${memo.length}`);

  // Everything but the title.
  await page.getByLabel("Kind").selectOption("policy-memo");
  await page.getByLabel("Published on").fill("2012-09-25");
  await page.getByLabel("Summary").fill("What governments of the region can do next.");
  await page.getByLabel("Find an organization").fill("stanley");
  await page.getByRole("checkbox", { name: /Stanley Foundation/ }).check();
  await page.getByRole("checkbox", { name: "Americas", exact: true }).check();
  await page.getByRole("checkbox", { name: "Global", exact: true }).check();
  await page.getByLabel("Countries").fill("AR, CA");
  await page.getByLabel("Next steps").fill("Convene a regional focal points meeting\nBrief the OAS");
  await page.getByRole("radio", { name: "Members (signed in)" }).check();
  await page.evaluate(() => { window.sameDocument = true; });
  await page.getByRole("button", { name: "Add the document" }).click();

  // The error beside the title, without a reload; nothing lost.
  const titleError = page.locator("#f-title-error");
  await titleError.waitFor();
  assert.equal(await titleError.textContent(), "Is required.");
  assert.equal(await page.evaluate(() => window.sameDocument), true, "the page did not reload");
  assert.equal(await page.getByLabel("Title").getAttribute("aria-invalid"), "true");
  assert.match(await page.getByLabel("Title").getAttribute("aria-describedby"), /f-title-error/);
  assert.equal(await chosenFile(page), `memo.pdf ${memo.length}`, "the file is still chosen");
  assert.equal(await page.getByLabel("Summary").inputValue(), "What governments of the region can do next.");
  assert.ok(await page.getByRole("checkbox", { name: /Stanley Foundation/ }).isChecked());
  const summary = page.locator("#errors");
  assert.equal(await summary.isVisible(), true);
  assert.match(await summary.textContent(), /Please correct 1 field/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), "errors");
  await snap(page, "title-refused");

  // A program named .pdf: refused beside the file; the title's error is gone.
  await page.getByLabel("Title").fill(title);
  const program = Buffer.alloc(4096);
  program.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]);
  await page.setInputFiles("#f-file", { name: "memo.pdf", mimeType: "application/pdf", buffer: program });
  await page.getByRole("button", { name: "Add the document" }).click();
  await page.locator("#f-file-error").waitFor();
  assert.match(await page.locator("#f-file-error").textContent(), /whatever its name says/);
  assert.equal(await page.locator("#f-title-error").count(), 0);
  assert.equal(await page.evaluate(() => window.sameDocument), true);
  await snap(page, "file-refused");

  // The right file again, the upload slowed down: the progress bar follows it, then the
  // document's page.
  await dropFile(page, "memo.pdf", memo);
  await page.getByText("Chosen: memo.pdf (1.5 MB)").waitFor();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 20,
    downloadThroughput: -1,
    uploadThroughput: 600 * 1024,
  });
  const progress = page.locator("[data-upload-progress] progress");
  // What the bar shows is noted where it outlives the page.
  await page.evaluate(() => {
    const bar = document.querySelector("[data-upload-progress] progress");
    new MutationObserver(() => {
      const seen = JSON.parse(sessionStorage.getItem("progress") || "[]");
      seen.push(bar.value);
      sessionStorage.setItem("progress", JSON.stringify(seen));
    }).observe(bar, { attributes: true, attributeFilter: ["value"] });
  });
  await page.getByRole("button", { name: "Add the document" }).click();
  await progress.waitFor({ state: "visible" });
  assert.match(await page.locator("[data-upload-progress] label").textContent(), /Uploading memo\.pdf|Saving/);
  await page.waitForURL(/\/documents\/\d+$/, { timeout: 30000 });
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  const seen = await page.evaluate(() => JSON.parse(sessionStorage.getItem("progress") || "[]"));
  assert.ok(seen.some((value) => value > 0 && value < 100), `the bar moved with the upload: ${seen}`);
  assert.equal(seen[seen.length - 1], 100);
  await page.getByText(`“${title}” was added to the library.`).waitFor();
  await page.getByText("Members (signed in)").first().waitFor();
  await page.getByText("Brief the OAS").waitFor();
  await snap(page, "added");

  // Its edit page, from the document's page; then the list.
  await page.getByRole("link", { name: "Edit or withdraw" }).click();
  await page.waitForURL(/\/organize\/documents\/\d+$/);
  assert.equal(await page.getByLabel("Title").inputValue(), title);
  assert.ok(await page.getByRole("checkbox", { name: "Global", exact: true }).isChecked());
  await page.getByLabel("Title").fill("");
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.locator("#f-title-error").waitFor();
  await page.getByLabel("Title").fill(`${title} (revised)`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.waitForURL(/\/documents\/\d+$/);
  await page.getByRole("heading", { level: 1, name: `${title} (revised)` }).waitFor();
  await snap(page, "edited");

  await page.close();

  // On a phone, the form and the list fit the screen.
  const phone = await newPage(390);
  await signIn(phone);
  for (const [path, label] of [["/organize/documents/new", "form"], ["/organize/documents", "list"]]) {
    await phone.goto(`${base}${path}`);
    const { scroll, client } = await phone.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    assert.ok(scroll <= client, `${label}: the page scrolls sideways (${scroll} > ${client} px)`);
    await snap(phone, label);
  }
  await phone.close();

  assert.deepEqual(consoleErrors, [], "no console errors");
  assert.deepEqual(accessibility, [], "no serious accessibility findings");
});

test("a member finds the members' memo by a word inside its PDF; a visitor neither finds nor opens it", async () => {
  const { base, newPage, snap } = app;
  // A member: any signed-in account (the demo's rapporteur).
  const member = await newPage(1280);
  await member.goto(`${base}/login`);
  await member.getByLabel("Email").fill("luc.lampriere@oxfamfrance.example.org");
  await member.getByLabel("Password").fill(password);
  await member.getByRole("button", { name: "Sign in" }).click();
  await member.waitForURL((url) => !url.pathname.startsWith("/login"));

  // "Hemispheric" is only inside the PDF uploaded by the first test.
  await member.getByRole("banner").getByLabel("Search Roundtable").fill("HÉMISPHERIC");
  await member.getByRole("banner").getByRole("button", { name: "Search" }).click();
  await member.waitForURL(/\/search\?q=/);
  const hit = member.getByRole("link", { name: `${title} (revised)` });
  await hit.waitFor();
  assert.match(await member.locator(".results .snippet mark").first().textContent(), /Hemispheric/);
  await snap(member, "member-search");
  const page = await hit.getAttribute("href");

  // Browsing the Americas: the memo among the Buenos Aires (written in Spanish, read here
  // in its English translation) and Ottawa reports.
  await member.goto(`${base}/documents?region=americas`);
  await member.getByRole("link", { name: `${title} (revised)` }).waitFor();
  await member.getByRole("link", { name: /Outcome report: Dialogue on the R2P: Latin American Perspectives/ }).waitFor();
  await member.getByRole("link", { name: /Outcome report: .*Ottawa/ }).waitFor();
  await snap(member, "member-americas");
  await member.close();

  // A visitor: not found, not opened, not even its first page.
  const visitor = await newPage(1280);
  await visitor.goto(`${base}/search?q=hemispheric`);
  await visitor.getByText("Nothing found for “hemispheric”").waitFor();
  for (const path of [page, `${page}/file`, `${page}/thumbnail.png`]) {
    const response = await visitor.request.get(`${base}${path}`);
    assert.equal(response.status(), 404, path);
  }
  await visitor.goto(`${base}/documents?region=americas`);
  assert.equal(await visitor.getByRole("link", { name: `${title} (revised)` }).count(), 0);

  // Searching lampriere finds Mr Luc LAMPRIÈRE and the summaries he wrote.
  await visitor.goto(`${base}/search?q=lampriere`);
  await visitor.getByRole("link", { name: "Mr Luc LAMPRIÈRE", exact: true }).waitFor();
  assert.ok((await visitor.getByRole("link", { name: /^Summary: / }).count()) >= 1);
  await snap(visitor, "lampriere");
  await visitor.getByRole("link", { name: "Mr Luc LAMPRIÈRE", exact: true }).click();
  await visitor.getByRole("heading", { name: "Summaries written as rapporteur" }).waitFor();
  await snap(visitor, "person");
  await visitor.close();

  assert.deepEqual(consoleErrors, [], "no console errors");
  assert.deepEqual(accessibility, [], "no serious accessibility findings");
});
