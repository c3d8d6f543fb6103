// Browser checks of the organizers' workspace on the demo data, at a desk (1280 px) and
// on a phone (390 px): the dashboard's list of what needs doing; the registrations table
// searched, filtered and approved in bulk; thirty participants imported from a
// spreadsheet whose one bad row is fixed in place; an event form that finds a time zone
// by its city and proposes the region of the country chosen. Every page is audited by
// axe-core and none may scroll sideways.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, clearShots, consoleErrors, accessibility, signInAs } from "./harness.mjs";

const organizer = "organizer@example.org";
const password = "roundtable-demo";
const event = "rtop-follow-up-roundtable-kampala";

let app;

before(async () => {
  clearShots("workspace");
  app = await start("workspace", [{ args: ["demo"] }]);
});

after(async () => {
  await app?.stop();
});

async function signIn(page) {
  await signInAs(page, app.base, organizer, password);
}

/// Fails when the page is wider than its window (a clipped table, a long line).
async function fits(page, label) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  assert.ok(scroll <= client, `${label}: the page scrolls sideways (${scroll} > ${client} px)`);
}

/// A spreadsheet of thirty participants; row 5 (the fourth participant) has a mistyped
/// email and a country nobody knows unless `fixed`.
function sheet(fixed) {
  const rows = ["Title,First name,Surname,E-mail,Organisation,Country"];
  for (let n = 1; n <= 30; n++) {
    const bad = n === 4 && !fixed;
    rows.push(`Ms,Participant${n},NAKATO${n},${bad ? "nakato4(at)example.org" : `nakato${n}@example.org`},Refugee Law Project,${bad ? "Ugandaa" : "Uganda"}`);
  }
  return rows.join("\r\n") + "\r\n";
}

test("the dashboard says what needs doing, at a desk and on a phone", async () => {
  const { base, newPage, snap } = app;
  for (const width of [1280, 390]) {
    const page = await newPage(width);
    await signIn(page);
    assert.equal(new URL(page.url()).pathname, "/organize");
    await page.getByRole("heading", { name: "What needs doing" }).waitFor();
    const kampala = page.locator("section.agenda", { hasText: "Kampala" });
    await kampala.waitFor();
    assert.ok((await kampala.locator("ul.tasks li").count()) > 0, "the Kampala roundtable has tasks");
    await fits(page, `dashboard-${width}`);
    await snap(page, "dashboard");
    // Each task leads to where it is done.
    const first = kampala.locator("ul.tasks a").first();
    const href = await first.getAttribute("href");
    await first.click();
    await page.waitForURL((url) => href.startsWith(url.pathname));
    await page.close();
  }
});

test("the registrations table is searched, filtered and approved in bulk", async () => {
  const { base, newPage, snap } = app;
  const page = await newPage(1280);
  await signIn(page);
  // The roundtable asks for approval from now on, with room for more.
  await page.goto(`${base}/organize/events/${event}/edit`);
  await page.getByLabel("Registration", { exact: true }).selectOption("approval");
  await page.getByLabel("Capacity").fill("40");
  await page.getByRole("button", { name: /Save/ }).click();
  await page.getByText(/saved/i).first().waitFor();
  // Three people register from the event's page.
  for (const [given, family, org] of [["Zoë", "Mukasa", "Oxfam"], ["Peter", "Okello", "ACORD"], ["Ruth", "Achieng", "CEHURD"]]) {
    const visitor = await newPage(390);
    await visitor.goto(`${base}/events/${event}`);
    await visitor.getByLabel("Given name").fill(given);
    await visitor.getByLabel("Family name").fill(family);
    await visitor.getByLabel("Email").fill(`${given.toLowerCase().normalize("NFD").replace(/[^a-z]/g, "")}@example.org`);
    await visitor.getByLabel("Organization").fill(org);
    await visitor.getByLabel(/I agree|consent/i).check();
    await visitor.getByRole("button", { name: /Register/ }).click();
    await visitor.getByText(/received|approve/i).first().waitFor();
    await visitor.close();
  }

  await page.goto(`${base}/organize/events/${event}/registrations`);
  await page.getByRole("heading", { name: "Registrations" }).waitFor();
  await fits(page, "registrations-1280");
  await snap(page, "registrations");
  // Accents and case aside, any word finds.
  await page.getByLabel("Find a registrant").fill("zoe oxfam");
  await page.getByRole("main").getByRole("button", { name: "Search" }).click();
  await page.getByText("1 shown").waitFor();
  assert.equal(await page.locator("table.registrations tbody tr").count(), 1);
  await page.getByRole("link", { name: "Clear" }).click();
  await page.getByRole("link", { name: /^Pending \(3\)/ }).click();
  await page.getByText("3 shown").waitFor();
  await page.getByLabel("Select every registration shown").check();
  assert.equal(await page.locator('tbody input[name="id"]:checked').count(), 3);
  await snap(page, "registrations-pending-selected");
  await page.getByRole("button", { name: "Approve the selected" }).click();
  await page.getByRole("link", { name: /^Pending \(0\)/ }).waitFor();
  await page.close();

  const phone = await newPage(390);
  await signIn(phone);
  await phone.goto(`${base}/organize/events/${event}/registrations`);
  await fits(phone, "registrations-390");
  await snap(phone, "registrations");
  await phone.close();
});

test("thirty participants are imported from a spreadsheet, its bad row fixed in place", async () => {
  const { base, newPage, snap } = app;
  const page = await newPage(1280);
  await signIn(page);
  await page.goto(`${base}/organize/people`);
  await page.getByRole("link", { name: "Import from a spreadsheet" }).click();
  await page.getByRole("heading", { name: "Import people from a spreadsheet" }).waitFor();
  await page.getByLabel("Spreadsheet (CSV)").setInputFiles({
    name: "kampala-participants.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("\ufeff" + sheet(false), "utf8"),
  });
  await page.getByRole("button", { name: "Check" }).click();
  await page.getByRole("heading", { name: "2 problems to fix: nothing was imported" }).waitFor();
  const problems = await page.locator("#problems tbody tr").allInnerTexts();
  assert.deepEqual(problems.map((row) => row.split("\t").slice(0, 2).join(" ")), ["5 E-mail", "5 Country"]);
  await fits(page, "import-problems-1280");
  await snap(page, "import-problems");

  // The row is fixed in the box, checked again and imported.
  const box = page.getByLabel("Or its rows, pasted or corrected here");
  const text = await box.inputValue();
  await box.fill(text.replace("nakato4(at)example.org", "nakato4@example.org").replace("Ugandaa", "Uganda"));
  await page.getByRole("button", { name: "Check again" }).click();
  await page.getByRole("heading", { name: "Ready to import" }).waitFor();
  await page.getByText("30 people to add, 0 to update, 0 unchanged").waitFor();
  await snap(page, "import-ready");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await page.getByText("Imported: 30 added, 0 updated, 0 unchanged; 1 organization added.").waitFor();
  await page.getByRole("main").getByLabel("Search").fill("nakato4");
  await page.getByRole("main").getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: "Ms Participant4 NAKATO4" }).waitFor();
  await page.close();

  const phone = await newPage(390);
  await signIn(phone);
  await phone.goto(`${base}/organize/people/import`);
  await fits(phone, "import-390");
  await snap(phone, "import");
  await phone.close();
});

test("an event's time zone is found by its city and its country proposes the region", async () => {
  const { base, newPage, snap } = app;
  const page = await newPage(1280);
  await signIn(page);
  await page.goto(`${base}/organize/events/new`);
  await page.getByRole("textbox", { name: "Title", exact: true }).fill("Regional consultation");
  await page.getByLabel("Kind").selectOption("roundtable");
  await page.getByLabel("First day").fill("2037-09-14");
  await page.getByLabel("Last day").fill("2037-09-14");
  await page.getByLabel("Time zone").fill("Nairobi");
  await page.getByLabel("Country").selectOption("KE");
  assert.equal(await page.getByLabel("Region", { exact: true }).inputValue(), "africa");
  assert.equal(await page.getByLabel("Sub-region").inputValue(), "east-africa");
  await page.getByText("Proposed from the country: Africa, East Africa").waitFor();
  await snap(page, "event-form-proposed-region");
  await page.getByRole("button", { name: /Create/ }).click();
  await page.getByText("times in Africa/Nairobi").waitFor();

  assert.deepEqual(consoleErrors, [], "no console errors");
  assert.deepEqual(accessibility, [], "no serious accessibility findings");
});
