// Browser checks of review as reading, on the demo data: the demo rapporteur writes the
// workshop's summary with the Markdown toolbar (select, Bold, a bulleted list) and sees
// the server's preview; the organizer reads it on the review page, rendered as the report
// will show it, at 1280 and 390 px (no sideways scrolling); returns it, reads what changed
// in the next submission, approves it; and publishes the report's next edition from the
// workspace, which listed the change. Every screenshot is audited by axe-core.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, clearShots, consoleErrors, accessibility, signInAs } from "./harness.mjs";

const organizer = "organizer@example.org";
const rapporteur = "luc.lampriere@oxfamfrance.example.org";
const password = "roundtable-demo";
const event = "making-a-difference-brussels-2009";
const workshop = "Workshop: partnerships with civil society";

let app;

before(async () => {
  clearShots("review");
  app = await start("review", [{ args: ["demo"] }]);
});

after(async () => {
  await app?.stop();
});

async function signIn(page, email) {
  await signInAs(page, app.base, email, password);
}

/// Selects the first occurrence of `text` in the textarea.
async function select(area, text) {
  await area.evaluate((el, wanted) => {
    const at = el.value.indexOf(wanted);
    if (at < 0) throw new Error(`"${wanted}" is not in the text`);
    el.focus();
    el.setSelectionRange(at, at + wanted.length);
  }, text);
}

async function sidewaysScroll(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

test("a summary is written with the toolbar, reviewed by reading it, and published as the report's next edition", async () => {
  const { base, newPage, snap } = app;

  // The rapporteur writes with the toolbar: no Markdown to know.
  const luc = await newPage();
  await signIn(luc, rapporteur);
  await luc.goto(`${base}/rapporteur`);
  await luc.getByRole("link", { name: workshop }).click();
  await luc.getByRole("heading", { name: `Summary: ${workshop}` }).waitFor();
  const overview = luc.getByLabel("Overview");
  const toolbar = luc.getByRole("group", { name: "Formatting" });
  await toolbar.waitFor();
  await overview.fill("Civil society sees crises coming and needs a channel to EU decision makers.");
  await select(overview, "sees crises coming");
  await toolbar.getByRole("button", { name: "Bold" }).click();
  assert.equal(
    await overview.inputValue(),
    "Civil society **sees crises coming** and needs a channel to EU decision makers.",
    "Bold wraps the selection",
  );
  const preview = luc.locator("#overview-preview");
  await preview.locator("strong", { hasText: "sees crises coming" }).waitFor();
  assert.equal(await preview.getByText("**").count(), 0, "the preview shows no Markdown marks");

  // A bulleted list from three lines, and a numbered one typed over an example.
  await overview.press("End");
  await overview.press("Enter");
  await overview.press("Enter");
  await overview.pressSequentially("Early warning from the field\nFunding over several years\nA seat at the table");
  await select(overview, "Early warning from the field\nFunding over several years\nA seat at the table");
  await toolbar.getByRole("button", { name: "Bulleted list" }).click();
  assert.match(await overview.inputValue(), /\n\n- Early warning from the field\n- Funding over several years\n- A seat at the table$/);
  await preview.locator("li", { hasText: "Funding over several years" }).waitFor();
  assert.equal(await preview.locator("ul > li").count(), 3, "three items in the preview");
  await luc.getByLabel("Challenge 1").fill("Little funding for civil society work on prevention");
  await luc.locator("#rec-0").fill("Create a standing EU dialogue with civil society on early warning.");
  await luc.locator("#rec-0-addressee").fill("EU");
  await luc.locator("#rec-0-themes").fill("Early warning");
  await luc.locator("#rec-0-themes").press("Escape");
  // Out of the field, so that its list of suggestions (drawn by the browser, outside the
  // page) does not take the next click.
  await luc.locator("#rec-0-themes").blur();
  await snap(luc, "editor-toolbar");
  await luc.getByRole("button", { name: "Save and submit for review" }).click();
  await luc.getByText("Submitted to the organizers for review").waitFor();
  // The rapporteur's submitted view is rendered too.
  await luc.getByRole("heading", { name: "Your summary as the report will show it" }).waitFor();
  await luc.locator(".report-session strong", { hasText: "sees crises coming" }).waitFor();
  await snap(luc, "submitted");

  // The organizer reviews by reading.
  const org = await newPage();
  await signIn(org, organizer);
  await org.goto(`${base}/organize/events/${event}/summaries`);
  await org.getByRole("row", { name: new RegExp(workshop) }).getByRole("link", { name: workshop }).click();
  await org.getByRole("heading", { name: `Review: ${workshop}` }).waitFor();
  const reading = org.locator("section.reading");
  await reading.locator("strong", { hasText: "sees crises coming" }).waitFor();
  assert.equal(await reading.locator("ul li", { hasText: /Funding over several years|Early warning from the field|A seat at the table/ }).count(), 3);
  assert.equal(await reading.getByText("**").count(), 0, "no literal Markdown");
  await org.getByRole("heading", { name: "First submission" }).waitFor();
  assert.equal(await org.getByLabel("Overview").count(), 0, "the review is not an edit form");
  await org.getByRole("link", { name: "Edit the summary" }).waitFor();
  await snap(org, "review");
  await org.getByLabel("Comment to the rapporteur").fill("Please say who in the EU should hold the dialogue.");
  await org.getByRole("button", { name: "Return to the rapporteur" }).click();
  await org.getByText("Returned to the rapporteur with your comment.").waitFor();

  // The rapporteur changes the recommendation and submits again.
  await luc.reload();
  await luc.getByRole("heading", { name: "Returned by the organizers" }).waitFor();
  await luc.locator("#rec-0").fill("Create a standing dialogue between the European External Action Service and civil society on early warning.");
  await luc.getByRole("button", { name: "Save and submit for review" }).click();
  await luc.getByText("Submitted to the organizers for review").waitFor();

  // The organizer reads what changed, on a computer and on a phone.
  await org.reload();
  await org.getByRole("heading", { name: "Changes since the last submission" }).waitFor();
  await org.getByText("Please say who in the EU should hold the dialogue.").waitFor();
  await org.locator("pre.diff .removed", { hasText: "Create a standing EU dialogue" }).waitFor();
  await org.locator("pre.diff .added", { hasText: "European External Action Service" }).waitFor();
  await snap(org, "review-changes");
  const phone = await newPage(390);
  await signIn(phone, organizer);
  await phone.goto(org.url());
  await phone.getByRole("heading", { name: "Changes since the last submission" }).waitFor();
  await snap(phone, "review-changes");
  const overflow = await sidewaysScroll(phone);
  assert.ok(overflow <= 1, `the review page scrolls sideways on a phone by ${overflow}px`);
  await phone.getByRole("button", { name: "Approve" }).click();
  await phone.getByText("Approved. The rapporteur has been told").waitFor();
  await snap(phone, "review-approved");
  assert.ok((await sidewaysScroll(phone)) <= 1, "no sideways scrolling once approved");

  // The published report waits for its next edition; the workspace shows what changed.
  const visitor = await newPage();
  await visitor.goto(`${base}/events/${event}/report`);
  await visitor.getByRole("heading", { name: "Recommendations by addressee" }).waitFor();
  assert.equal(await visitor.getByText("European External Action Service").count(), 0, "not public before the next edition");
  await org.goto(`${base}/organize/events/${event}/report`);
  await org.getByRole("heading", { name: "1 change since publication" }).waitFor();
  const change = org.locator(".change-list > li", { hasText: workshop });
  await change.getByText("What changed").click();
  await change.locator("pre.diff .added", { hasText: "European External Action Service" }).waitFor();
  await snap(org, "report-changes");
  await org.getByRole("button", { name: "Publish edition 2", exact: true }).click();
  await org.locator(".flash", { hasText: "Published edition 2" }).waitFor();
  await visitor.reload();
  await visitor.locator("section.report-session", { hasText: workshop }).getByText("European External Action Service").waitFor();
  await visitor.getByText(/Edition 2, published/).waitFor();
  await snap(visitor, "report-edition-2");

  assert.deepEqual(consoleErrors, [], "no console errors");
  assert.deepEqual(accessibility, [], "no serious accessibility findings");
});
