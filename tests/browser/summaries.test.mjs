// Browser checks of summaries and reports on the demo data: the demo rapporteur files a
// summary with three recommendations to the EU (surviving an expired sign-in on the
// way), the organizer returns it once and approves it, and the conference's published
// report shows it as a page, Markdown, JSON and PDF; the series synthesis ranks the
// roundtables' shared themes; the documents library lists the reports by region.
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
  clearShots("summaries");
  app = await start("summaries", [{ args: ["demo"] }]);
});

after(async () => {
  await app?.stop();
});

async function signIn(page, email) {
  await signInAs(page, app.base, email, password);
}

test("a rapporteur files a summary, the organizer returns then approves it, and the report shows it", async () => {
  const { base, newPage, snap } = app;
  const luc = await newPage();
  await signIn(luc, rapporteur);
  await luc.getByRole("link", { name: "My summaries" }).click();
  await luc.getByRole("heading", { name: "My summaries" }).waitFor();
  const panelRow = luc.getByRole("row", { name: /Panel on the Responsibility to Protect/ });
  await panelRow.getByText("approved").waitFor();
  await snap(luc, "rapporteur-home");

  // A new summary, with three recommendations to the EU (rows added as needed).
  await luc.getByRole("link", { name: workshop }).click();
  await luc.getByRole("heading", { name: `Summary: ${workshop}` }).waitFor();
  await luc.getByLabel("Overview").fill("The workshop asked how the EU and civil society can work together on crisis response.");
  await luc.getByLabel("Point 1").fill("Civil society sees crises coming and needs a channel to EU decision makers.");
  await luc.getByLabel("Challenge 1").fill("Little funding for civil society work on prevention");
  const recommendations = [
    ["Create a standing EU dialogue with civil society on early warning.", "Early warning"],
    ["Fund local civil society organizations' conflict prevention work over several years.", "Civil society capacity"],
    ["Consult civil society before adopting crisis response measures.", "Prevention"],
  ];
  for (const [i, [text, theme]] of recommendations.entries()) {
    if ((await luc.locator(`#rec-${i}`).count()) === 0) await luc.getByRole("button", { name: "Add a recommendation" }).click();
    await luc.locator(`#rec-${i}`).fill(text);
    await luc.locator(`#rec-${i}-addressee`).fill("EU");
    await luc.locator(`#rec-${i}-themes`).fill(theme);
    await luc.locator(`#rec-${i}-themes`).press("Escape");
    await luc.locator(`#rec-${i}-priority`).selectOption("high");
  }
  await snap(luc, "editor");
  // Out of the fields, so that a list of suggestions the browser draws (outside the page)
  // for an addressee or a theme does not take the click meant for the button.
  await luc.evaluate(() => document.activeElement?.blur());
  await luc.getByRole("button", { name: "Save draft" }).click();
  await luc.getByText("Saved.").waitFor();
  assert.equal(await luc.locator("#rec-2").inputValue(), recommendations[2][0], "the third recommendation is saved");

  // The sign-in expires while the rapporteur writes: nothing typed is lost.
  const addition = " Participants asked for a standing dialogue.";
  await luc.getByLabel("Overview").press("End");
  await luc.getByLabel("Overview").type(addition);
  await luc.context().clearCookies();
  await luc.getByRole("button", { name: "Save draft" }).click();
  await luc.waitForURL(/\/login/);
  await luc.getByLabel("Email").fill(rapporteur);
  await luc.getByLabel("Password").fill(password);
  await luc.getByRole("button", { name: "Sign in" }).click();
  await luc.getByRole("heading", { name: `Summary: ${workshop}` }).waitFor();
  await luc.getByText("did not save was put back into the form").waitFor();
  assert.ok((await luc.getByLabel("Overview").inputValue()).endsWith(addition), "the typed text came back");
  await snap(luc, "editor-restored");
  await luc.getByRole("button", { name: "Save and submit for review" }).click();
  await luc.getByText("Submitted to the organizers for review").waitFor();

  // The organizer returns it with a comment.
  const org = await newPage();
  await signIn(org, organizer);
  await org.goto(`${base}/organize/events/${event}/summaries`);
  const row = org.getByRole("row", { name: new RegExp(workshop) });
  await row.getByText("submitted").waitFor();
  await snap(org, "organizer-summaries");
  await row.getByRole("link", { name: workshop }).click();
  await org.getByRole("button", { name: "Return to the rapporteur" }).click();
  await org.locator("#comment + .error, .field.invalid .error").getByText("is required: tell the rapporteur what to change").first().waitFor();
  await org.getByLabel("Comment to the rapporteur").fill("Please say who in the EU should hold the dialogue.");
  await org.getByRole("button", { name: "Return to the rapporteur" }).click();
  await org.getByText("Returned to the rapporteur with your comment.").waitFor();

  // The rapporteur sees why, changes it and submits again.
  await luc.reload();
  await luc.getByRole("heading", { name: "Returned by the organizers" }).waitFor();
  await luc.getByText("Please say who in the EU should hold the dialogue.").waitFor();
  await snap(luc, "editor-returned");
  await luc.locator("#rec-0").fill("Create a standing dialogue between the European External Action Service and civil society on early warning.");
  await luc.getByRole("button", { name: "Save and submit for review" }).click();
  await luc.getByText("Submitted to the organizers for review").waitFor();

  // The organizer approves it and looks at what changed.
  await org.reload();
  await org.getByRole("button", { name: "Approve" }).click();
  await org.getByText("Approved. The rapporteur has been told").waitFor();
  await org.getByRole("link", { name: "versions and changes" }).click();
  await org.getByRole("heading", { name: /Version \d+ as first saved|Changes from version/ }).waitFor();
  await org.getByRole("link", { name: "5", exact: true }).click();
  await org.locator("pre.diff .added", { hasText: "European External Action Service" }).waitFor();
  await org.locator("pre.diff .removed", { hasText: "Create a standing EU dialogue" }).waitFor();
  await snap(org, "versions");
  // The report was published before: its next edition carries the summary to readers.
  await org.goto(`${base}/organize/events/${event}/report`);
  await org.getByRole("button", { name: "Publish edition 2", exact: true }).click();
  await org.locator(".flash", { hasText: "Published edition 2" }).waitFor();

  // The published report shows it, as a page and in every export.
  const visitor = await newPage();
  await visitor.goto(`${base}/documents`);
  await visitor.getByRole("link", { name: "Outcome report: Making a difference" }).waitFor();
  await snap(visitor, "documents");
  await visitor.locator("#d-region").selectOption("africa");
  await visitor.waitForURL(/region=africa/);
  await visitor.getByRole("link", { name: /Outcome report: Global Consultative Roundtable on the Responsibility to Protect: Kampala/ }).waitFor();
  assert.equal(await visitor.getByRole("link", { name: "Outcome report: Making a difference" }).count(), 0, "not under Africa");
  await visitor.goto(`${base}/events/${event}/report`);
  const section = visitor.locator("section.report-session", { hasText: workshop });
  await section.getByText("European External Action Service").waitFor();
  await section.getByText("Mr Luc LAMPRIÈRE").waitFor();
  await visitor.getByRole("heading", { name: "Recommendations by addressee" }).waitFor();
  await visitor.getByRole("heading", { name: /^EU\s*6$/ }).waitFor();
  await snap(visitor, "report");
  const md = await (await visitor.request.get(`${base}/events/${event}/report.md`)).text();
  assert.match(md, /European External Action Service/);
  assert.match(md, /Mr Luc LAMPRIÈRE/);
  const json = await (await visitor.request.get(`${base}/api/v1/events/${event}/report`)).json();
  const eu = json.recommendations_by_addressee.find((g) => g.addressee === "EU");
  assert.equal(eu.items.length, 6, "three EU recommendations from the panel and three from the workshop");
  const pdf = await visitor.request.get(`${base}/events/${event}/report.pdf`);
  assert.equal(pdf.headers()["content-type"], "application/pdf");
  assert.equal((await pdf.body()).subarray(0, 5).toString(), "%PDF-");

  // The synthesis ranks the roundtables' shared themes.
  await visitor.goto(`${base}/series/global-consultative-roundtables-rtop-2008`);
  await visitor.getByRole("link", { name: "Synthesis report" }).click();
  await visitor.getByRole("heading", { name: "Common themes" }).waitFor();
  const first = visitor.locator("#themes ol.ranked > li").first();
  await first.getByText(/\d events/).waitFor();
  await snap(visitor, "synthesis");

  // On a phone the report reads without sideways scrolling.
  const phone = await newPage(390);
  await phone.goto(`${base}/events/${event}/report`);
  await snap(phone, "report");
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `the report scrolls sideways on a phone by ${overflow}px`);

  assert.deepEqual(consoleErrors, [], "no console errors");
  assert.deepEqual(accessibility, [], "no serious accessibility findings");
});
