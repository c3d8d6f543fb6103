// Browser checks of the recommendation tracker on the demo data: a visitor narrows the
// tracker to the European Union (the chart's table counts what the list shows), then to
// what was implemented, and opens the one item left, its history and no form to record an
// update; the follow-up report for the European Union, as a page and as a PDF; then the
// demo rapporteur, who follows up an EU recommendation, records an update with a library
// document as its evidence, sees the form refuse it without a note (the chosen status and
// document kept), and finds the update in the item's history. Every page is audited by
// axe-core.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, clearShots, consoleErrors, accessibility, signInAs } from "./harness.mjs";

const rapporteur = "luc.lampriere@oxfamfrance.example.org";
const password = "roundtable-demo";
const implemented = "Appoint an RtoP focal point in the European External Action Service.";
const followed = "Build EU early warning and analysis of the risks of mass atrocities, linked to early action by the Commission and the Council.";
const note = "The EEAS's conflict early warning system now covers the risk of mass atrocities.";
const evidence = "Excerpts referencing RtoP in national strategic policy papers";

let app;

before(async () => {
  clearShots("recommendations");
  app = await start("recommendations", [{ args: ["demo"] }]);
});

after(async () => {
  await app?.stop();
});

async function signIn(page, email) {
  await signInAs(page, app.base, email, password);
}

const items = (page) => page.locator("ul.cards.recommendations > li");

/// What the item page says beside a term of its facts ("Status", "Addressee"...).
const fact = (page, term) => page.locator(`dl.facts dt:text-is("${term}") + dd`);

test("a visitor narrows the tracker to the European Union, opens what was implemented and gets the follow-up report", async () => {
  const { base, newPage, snap } = app;
  const page = await newPage(1280);
  await page.goto(`${base}/recommendations`);
  await page.getByRole("heading", { level: 1, name: "Recommendations" }).waitFor();
  const filters = page.getByRole("form", { name: "Filter the recommendations" });
  await filters.getByRole("button", { name: "Filter" }).waitFor();

  // Choosing an addressee sends the form (the page's script submits a filter's select as
  // soon as it changes; the Filter button is there for readers without scripts).
  await filters.getByLabel("Addressee", { exact: true }).selectOption("European Union");
  await page.waitForURL(/[?&]addressee=European(\+|%20)Union(&|$)/);
  assert.equal(await page.getByLabel("Addressee", { exact: true }).inputValue(), "European Union");

  // The chart's table counts what the list shows.
  const table = page.getByRole("table", { name: "Recommendations by addressee, by status, as a table" });
  const euRow = table.locator("tr", { has: page.getByRole("rowheader", { name: "European Union", exact: true }) });
  const all = Number((await euRow.locator("td").last().textContent()).trim());
  assert.ok(all > 0, "the table counts the European Union's recommendations");
  assert.equal(await items(page).count(), all, "the list shows as many recommendations as the table counts");
  assert.equal((await page.locator("h2#items").textContent()).trim(), `${all} recommendation${all === 1 ? "" : "s"}`);
  for (const meta of await items(page).locator(":scope > div.meta").allTextContents()) {
    assert.match(meta, /^To European Union · /, meta);
  }
  await items(page).locator("p.asked", { hasText: "Asked 3 times since 2008: Paris, Brussels, Washington, DC area" }).first().waitFor();
  const badges = (await items(page).locator(".badge").allTextContents()).map((b) => b.trim());
  assert.ok(badges.includes("Implemented"), `badges: ${badges}`);
  assert.ok(badges.includes("Partially implemented"), `badges: ${badges}`);
  await snap(page, "tracker-eu");

  // What was implemented: one item.
  await filters.getByLabel("Status", { exact: true }).selectOption({ label: "Implemented" });
  await page.waitForURL(/[?&]status=implemented(&|$)/);
  assert.match(page.url(), /[?&]addressee=European(\+|%20)Union(&|$)/, "the addressee is kept");
  assert.equal(await items(page).count(), 1);
  await items(page).getByRole("link", { name: implemented, exact: true }).waitFor();
  assert.equal((await page.locator("h2#items").textContent()).trim(), "1 recommendation");

  // A word typed and the Filter button: the same item, the other filters kept.
  await filters.getByLabel("Words", { exact: true }).fill("focal point");
  await filters.getByRole("button", { name: "Filter" }).click();
  await page.waitForURL(/[?&]q=focal(\+|%20)point(&|$)/);
  assert.match(page.url(), /[?&]addressee=European(\+|%20)Union(&|$)/);
  assert.match(page.url(), /[?&]status=implemented(&|$)/);
  assert.equal(await items(page).count(), 1);
  await snap(page, "tracker-eu-implemented");

  // The item: its status, its history, and no form for a visitor.
  await items(page).getByRole("link", { name: implemented, exact: true }).click();
  await page.waitForURL(/\/recommendations\/\d+$/);
  await page.getByRole("heading", { level: 1, name: implemented }).waitFor();
  assert.equal((await fact(page, "Status").textContent()).trim(), "Implemented");
  assert.equal((await fact(page, "Addressee").textContent()).trim(), "European Union");
  await page.getByRole("heading", { name: "What came of it" }).waitFor();
  const update = page.locator("ol.history > li", { hasText: "30 June 2014" });
  await update.waitFor();
  assert.equal((await update.locator(".badge").textContent()).trim(), "Implemented");
  await update.getByText("The External Action Service named an RtoP focal point").waitFor();
  assert.equal(await page.getByRole("heading", { name: "Record an update" }).count(), 0, "no heading to record an update");
  assert.equal(await page.locator("#f-note").count(), 0, "no form to record an update");
  await snap(page, "item-implemented");

  // The follow-up report for the European Union, as a page and as a PDF.
  await page.goto(`${base}/recommendations?addressee=European+Union`);
  await page.getByRole("link", { name: "Follow-up report for European Union", exact: true }).click();
  await page.waitForURL(/\/recommendations\/report\?addressee=European(\+|%20)Union$/);
  assert.equal(
    (await page.getByRole("heading", { level: 1 }).textContent()).trim(),
    "What we asked of the European Union, 2008–2012, and what came of it",
  );
  await page.locator("ol.follow-up").getByRole("link", { name: implemented, exact: true }).waitFor();
  await snap(page, "follow-up-report");
  const href = await page.getByRole("link", { name: "PDF", exact: true }).getAttribute("href");
  const pdf = await page.request.get(new URL(href, page.url()).href);
  assert.equal(pdf.status(), 200);
  assert.match(pdf.headers()["content-type"], /^application\/pdf/);
  assert.equal((await pdf.body()).subarray(0, 4).toString("latin1"), "%PDF");

  // On a phone, the page fits the screen (the tables of counts scroll in their own box).
  await page.close();
  const phone = await newPage(390);
  await phone.goto(`${base}/recommendations?addressee=European+Union`);
  await items(phone).first().waitFor();
  const beyond = await phone.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll("ul.cards.recommendations, ul.cards.recommendations *")]
      .filter((el) => el.getBoundingClientRect().right > width + 1).length;
  });
  assert.equal(beyond, 0, "the recommendations' cards are no wider than the phone's screen");
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.equal(overflow, 0, "the tracker does not scroll sideways on a phone");
  await snap(phone, "tracker-eu");
  await phone.close();

  assert.deepEqual(consoleErrors, [], "no console errors");
  assert.deepEqual(accessibility, [], "no serious accessibility findings");
});

test("the rapporteur records an update with a library document as evidence, after the form asks what happened", async () => {
  const { base, newPage, snap } = app;
  const luc = await newPage(1280);
  await signIn(luc, rapporteur);

  // The recommendation he follows up, from the tracker.
  await luc.goto(`${base}/recommendations?addressee=European+Union`);
  await items(luc).getByRole("link", { name: followed, exact: true }).click();
  await luc.waitForURL(/\/recommendations\/\d+$/);
  const itemUrl = luc.url();
  await luc.getByRole("heading", { level: 1, name: followed }).waitFor();
  assert.equal((await fact(luc, "Status").textContent()).trim(), "In progress");
  await luc.getByRole("heading", { name: "Record an update" }).waitFor();
  const form = luc.locator("form:has(#f-note)");
  const status = form.getByLabel(/^Status\b/);
  const what = form.getByLabel("What happened");
  const documentSelect = form.getByLabel("Evidence (a document of the library)");
  const option = documentSelect.locator("option", { hasText: /^\s*Excerpts referencing RtoP/ });
  assert.equal(await option.count(), 1);
  const documentId = await option.getAttribute("value");
  assert.equal((await option.textContent()).trim(), evidence);

  // Without a note: refused beside "What happened", the status and the document kept.
  await status.selectOption({ label: "Partially implemented" });
  await documentSelect.selectOption(documentId);
  assert.equal(await what.inputValue(), "");
  await form.getByRole("button", { name: "Record the update" }).click();
  const noteError = luc.locator("#f-note-error");
  await noteError.waitFor();
  assert.equal((await noteError.textContent()).trim(), "Is required.");
  assert.equal(await what.getAttribute("aria-invalid"), "true");
  assert.match(await what.getAttribute("aria-describedby"), /f-note-error/);
  assert.match(await luc.locator("#errors").textContent(), /Please correct 1 field/);
  assert.equal(await status.inputValue(), "partially-implemented", "the chosen status is kept");
  assert.equal(await documentSelect.inputValue(), documentId, "the chosen document is kept");
  assert.equal((await fact(luc, "Status").textContent()).trim(), "In progress", "nothing was recorded");
  await snap(luc, "update-refused");

  // With the note: recorded, and in the history with its evidence.
  await what.fill(note);
  await form.getByRole("button", { name: "Record the update" }).click();
  await luc.locator(".flash", { hasText: "The update was recorded." }).waitFor();
  assert.equal(luc.url(), itemUrl);
  assert.equal((await fact(luc, "Status").textContent()).trim(), "Partially implemented");
  const recorded = luc.locator("ol.history > li", { hasText: note });
  await recorded.waitFor();
  assert.equal((await recorded.locator(".badge").textContent()).trim(), "Partially implemented");
  const proof = recorded.locator("p", { hasText: "Evidence:" }).getByRole("link", { name: evidence, exact: true });
  await proof.waitFor();
  assert.equal(await proof.getAttribute("href"), `/documents/${documentId}`);
  assert.match(await proof.getAttribute("href"), /^\/documents\/\d+$/);
  await recorded.getByText(/Recorded by Luc Lampri/).waitFor();
  await snap(luc, "update-recorded");

  // The tracker shows the new status and the second update.
  await luc.goto(`${base}/recommendations?addressee=European+Union`);
  const card = items(luc).filter({ has: luc.getByRole("link", { name: followed, exact: true }) });
  assert.equal((await card.locator(".badge").textContent()).trim(), "Partially implemented");
  assert.match(await card.locator(":scope > div.meta").first().textContent(), /2 updates/);
  await card.getByText(note).waitFor();

  // The evidence opens the document.
  await luc.goto(itemUrl);
  await luc.locator("ol.history > li", { hasText: note }).getByRole("link", { name: evidence, exact: true }).click();
  await luc.waitForURL(new RegExp(`/documents/${documentId}$`));
  await luc.getByRole("heading", { level: 1, name: evidence }).waitFor();
  await luc.close();

  assert.deepEqual(consoleErrors, [], "no console errors");
  assert.deepEqual(accessibility, [], "no serious accessibility findings");
});
