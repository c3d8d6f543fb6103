// Browser check of the check-in page on a phone (390 px), on the demo's upcoming Kampala
// roundtable: a registrant found by the code of their confirmation mail (typed in lower
// case with a dash) and checked in with one tap, undone with another; one found by a
// name typed without its accent; a walk-in added with a mistake corrected, the count
// following. The page is audited by axe-core and may not scroll sideways.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, clearShots, consoleErrors, accessibility } from "./harness.mjs";

const event = "rtop-follow-up-roundtable-kampala";
let app;

before(async () => {
  clearShots("checkin");
  app = await start("checkin", [{ args: ["demo"] }]);
});

after(async () => {
  await app?.stop();
});

async function fits(page, label) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  assert.ok(scroll <= client, `${label}: the page scrolls sideways (${scroll} > ${client} px)`);
}

const count = (page) => page.locator("[data-count-checked-in]").textContent();

test("at the door on a phone: by code, by name, undo, and a walk-in", async () => {
  const { base, newPage, snap, mailTo } = app;
  const mail = await mailTo("aisha.nakato@example.org", /Registration confirmed/);
  const code = /check-in code: ([A-Z0-9]{6})/.exec(mail.text)?.[1];
  assert.ok(code, `no check-in code in: ${mail.text}`);

  const page = await newPage(390);
  await page.goto(`${base}/organize/events/${event}/check-in`);
  // Not signed in: the sign-in page, and back.
  await page.getByLabel("Email").fill("organizer@example.org");
  await page.getByLabel("Password").fill("roundtable-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname.endsWith("/check-in"));
  await page.getByRole("heading", { name: "Check-in" }).waitFor();
  const before = Number(await count(page));
  await fits(page, "check-in");
  await snap(page, "everyone");

  // The code as someone reads it out: lower case, with a dash.
  const typed = `${code.slice(0, 3)}-${code.slice(3)}`.toLowerCase();
  await page.getByLabel("Name, organization or code").fill(typed);
  await page.getByRole("button", { name: "Find" }).click();
  const rows = page.locator(".check-in-list li");
  assert.equal(await rows.count(), 1);
  assert.equal(await rows.first().locator(".who strong").textContent(), "Aisha Nakato");
  await page.getByRole("button", { name: "Check in Aisha Nakato" }).click();
  await page.getByText("Aisha Nakato is checked in.").waitFor();
  await page.getByText(/In at \d\d:\d\d/).waitFor();
  assert.equal(Number(await count(page)), before + 1);
  assert.equal(await page.getByLabel("Name, organization or code").inputValue(), typed, "the search stays");
  await fits(page, "checked-in");
  await snap(page, "checked-in");
  await page.getByRole("button", { name: "Undo the check-in of Aisha Nakato" }).click();
  await page.getByText("Aisha Nakato is no longer checked in.").waitFor();
  assert.equal(Number(await count(page)), before);

  // A name without its accent.
  await page.getByLabel("Name, organization or code").fill("nunez");
  await page.getByRole("button", { name: "Find" }).click();
  await page.getByRole("button", { name: "Check in Ana Ñúñez-Lamprière" }).click();
  await page.getByText("Ana Ñúñez-Lamprière is checked in.").waitFor();
  assert.equal(Number(await count(page)), before + 1);

  // A walk-in, with a mistake corrected: what was typed stays.
  await page.getByText("Add someone who had not registered").click();
  await page.getByLabel("Given name").fill("Kofi");
  await page.getByLabel("Family name").fill("Boateng");
  await page.locator("#f-email").fill("kofi.boateng(at)example.org");
  await page.locator("#f-organization").fill("Ghana Centre for Democratic Development");
  await page.getByLabel(/They agree/).check();
  await page.getByRole("button", { name: "Add and check in" }).click();
  await page.getByText("The walk-in was not added").waitFor();
  assert.equal(await page.locator("#f-organization").inputValue(), "Ghana Centre for Democratic Development");
  await fits(page, "walk-in-error");
  await snap(page, "walk-in-error");
  await page.locator("#f-email").fill("kofi.boateng@example.org");
  await page.getByRole("button", { name: "Add and check in" }).click();
  await page.getByText("Kofi Boateng is added as a walk-in and checked in.").waitFor();
  assert.equal(Number(await count(page)), before + 2);
  const expected = Number(await page.locator("[data-count-expected]").textContent());
  await page.getByLabel("Name, organization or code").fill("boateng");
  await page.getByRole("button", { name: "Find" }).click();
  await page.locator(".check-in-list li", { hasText: "Walk-in" }).waitFor();
  await snap(page, "walk-in");
  assert.ok(expected >= 7, `the walk-in is among those expected (${expected})`);
  await page.close();
  assert.deepEqual(consoleErrors, [], "no console errors");
  assert.deepEqual(accessibility, [], "no serious accessibility findings");
});
