// Browser checks of Roundtable in headless Debian Chromium: an organizer building an
// event and a visitor finding it, with a screenshot of every page visited (at 1280 px,
// and the public pages again at 390 px); they fail on any console error or serious
// accessibility finding.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, clearShots, consoleErrors, accessibility } from "./harness.mjs";

const email = "ana.organizer@example.org";
const password = "a long browser password";

let app;
let base;
let newPage;
let snap;

before(async () => {
  clearShots("flows");
  app = await start("flows", [
    { args: ["user", "create", "--email", email, "--name", "Ana Organizer", "--role", "organizer"], input: `${password}\n` },
  ]);
  ({ base, newPage, snap } = app);
});

after(async () => {
  await app?.stop();
});

test("an organizer builds a panel, resolves a double-booking and publishes; a visitor finds it", async () => {
  const page = await newPage();

  // Anonymous visitors are sent to sign in.
  await page.goto(`${base}/organize`);
  assert.match(page.url(), /\/login/);
  await snap(page, "login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("wrong password!");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByText("The email or password is incorrect.").waitFor();
  assert.equal(await page.getByLabel("Email").inputValue(), email, "the email is kept after a failed sign-in");
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Organizers' workspace" }).waitFor();
  await snap(page, "workspace");

  // An organization to organize it.
  await page.getByRole("link", { name: "Organizations" }).click();
  await page.getByRole("link", { name: "Add an organization" }).click();
  await page.getByLabel("Name").fill("European Commission");
  await page.getByLabel("Acronym").fill("EC");
  await page.getByLabel("Kind").selectOption("intergovernmental");
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByText("European Commission was added.").waitFor();

  // The event, first with a mistake: the last day before the first.
  await page.goto(`${base}/organize/events/new`);
  await page.getByLabel(/^Title/).fill("Making a difference");
  await page.getByLabel("Kind").selectOption("conference");
  await page.getByLabel("First day").fill("2037-06-04");
  await page.getByLabel("Last day").fill("2037-06-03");
  await page.getByLabel("Time zone").fill("Europe/Brussels");
  await page.getByLabel("City", { exact: true }).fill("Brussels");
  await page.getByLabel("Country").selectOption("BE");
  await page.getByLabel("Region", { exact: true }).selectOption("europe");
  await page.getByLabel("Organization 1", { exact: true }).selectOption({ label: "European Commission (EC)" });
  await page.getByRole("button", { name: "Create the event" }).click();
  await page.getByText("Must not be before the first day").waitFor();
  await snap(page, "event-form-error");
  assert.equal(await page.getByLabel(/^Title/).inputValue(), "Making a difference", "the title is kept");
  assert.equal(await page.getByLabel("Time zone").inputValue(), "Europe/Brussels", "the time zone is kept");
  await page.getByLabel("First day").fill("2037-06-03");
  await page.getByLabel("Last day").fill("2037-06-04");
  await page.getByRole("button", { name: "Create the event" }).click();
  await page.getByText("was created as a draft").waitFor();
  const eventUrl = page.url();
  await snap(page, "event-workspace");

  // The panel at 14:00 Brussels time.
  await page.getByRole("link", { name: "Add a session" }).click();
  await page.getByLabel(/^Title/).fill("Panel on the Responsibility to Protect");
  await page.getByLabel("Starts").fill("2037-06-03T14:00");
  await page.getByLabel("Ends").fill("2037-06-03T15:30");
  await page.getByLabel("Room").fill("Room A");
  await page.getByRole("button", { name: "Save the session" }).click();
  await page.getByText("was added. Now assign").waitFor();
  const panelUrl = page.url();
  await snap(page, "session");

  // The chair and a speaker, both created on the way.
  const addNew = async (role, honorific, given, family, position) => {
    await page.getByLabel("Role in this session").selectOption(role);
    await page.getByLabel("Title", { exact: true }).fill(honorific);
    await page.getByLabel("Given name").fill(given);
    await page.getByLabel("Family name").fill(family);
    await page.getByLabel("Position").fill(position);
    await page.getByRole("button", { name: "Create and add" }).click();
    await page.getByText(`was added as ${role}`).waitFor();
  };
  await addNew("chair", "Mr", "Gareth", "Evans", "President and Chief Executive");
  await addNew("speaker", "Ms", "Corlett", "Letlojane", "Director");
  await page.getByRole("cell", { name: "Mr Gareth EVANS, President and Chief Executive" }).waitFor();
  await snap(page, "session-people");

  // A second session at an overlapping time, chaired by the same person.
  await page.goto(eventUrl);
  await page.getByRole("link", { name: "Add a session" }).click();
  await page.getByLabel(/^Title/).fill("Panel on mediation");
  await page.getByLabel("Starts").fill("2037-06-03T15:00");
  await page.getByLabel("Ends").fill("2037-06-03T16:30");
  await page.getByLabel("Room").fill("Room B");
  await page.getByRole("button", { name: "Save the session" }).click();
  await page.getByText("was added. Now assign").waitFor();
  const secondUrl = page.url();
  await page.getByLabel("Find a person").fill("evans");
  await page.getByRole("main").getByRole("button", { name: "Search" }).click();
  await page.getByLabel(/Role of Mr Gareth EVANS/).selectOption("chair");
  await page.getByRole("button", { name: "Add" }).first().click();
  await page.getByText("Mr Gareth EVANS was added as chair").waitFor();
  await page.getByText(/Mr Gareth EVANS is in .* at the same time/).waitFor();
  await page.goto(eventUrl);
  await page.getByRole("heading", { name: /1 conflict to resolve/ }).waitFor();
  await snap(page, "conflict");

  // Fix it: the second panel moves to 16:00.
  await page.goto(`${secondUrl}/edit`);
  await page.getByLabel("Starts").fill("2037-06-03T16:00");
  await page.getByLabel("Ends").fill("2037-06-03T17:30");
  await page.getByRole("button", { name: "Save the session" }).click();
  await page.getByText("The changes to").waitFor();
  await page.goto(eventUrl);
  await page.getByText("No conflicts").waitFor();
  await page.getByRole("button", { name: "Publish" }).click();
  await page.getByText("is published").waitFor();
  await snap(page, "published");
  assert.ok(panelUrl.includes("/organize/sessions/"));

  // A visitor finds it on the home page, filters by region and sees the panel at 14:00.
  const visitor = await newPage();
  await visitor.goto(base);
  await visitor.getByRole("link", { name: "Making a difference" }).first().waitFor();
  await snap(visitor, "home");
  await visitor.getByRole("link", { name: "Events", exact: true }).click();
  await visitor.getByLabel("Region").selectOption("europe");
  await visitor.waitForURL(/region=europe/);
  await visitor.getByRole("link", { name: "Making a difference" }).waitFor();
  await snap(visitor, "events-europe");
  await visitor.getByLabel("Region").selectOption("africa");
  await visitor.waitForURL(/region=africa/);
  assert.equal(await visitor.getByRole("link", { name: "Making a difference" }).count(), 0, "not listed under Africa");
  await visitor.goto(`${base}/events?region=europe`);
  await visitor.getByRole("link", { name: "Making a difference" }).click();
  const slot = visitor.locator(".slot", { hasText: "Panel on the Responsibility to Protect" });
  await slot.getByText("14:00–15:30").waitFor();
  await slot.getByText("Mr Gareth EVANS, President and Chief Executive").waitFor();
  await slot.getByText("Ms Corlett LETLOJANE, Director").waitFor();
  await snap(visitor, "event");
  const eventPublicPath = new URL(visitor.url()).pathname;
  await visitor.getByRole("link", { name: "Panel on the Responsibility to Protect" }).click();
  await visitor.getByRole("heading", { name: "Panel on the Responsibility to Protect" }).waitFor();
  await snap(visitor, "session-public");

  // The visitor registers with the form on the event page, forgetting consent first.
  await visitor.goto(`${base}${eventPublicPath}`);
  await visitor.getByLabel(/^Given name/).fill("Ama");
  await visitor.getByLabel(/^Family name/).fill("Ñúñez");
  await visitor.getByLabel(/^Email/).fill("ama.nunez@example.org");
  await visitor.getByLabel("Access or dietary needs").fill("Vegetarian");
  await visitor.getByRole("button", { name: "Register" }).click();
  await visitor.getByText("Your registration was not recorded").waitFor();
  assert.equal(await visitor.getByLabel(/^Family name/).inputValue(), "Ñúñez", "what was typed is kept");
  await snap(visitor, "register-error");
  await visitor.getByLabel(/I agree/).check();
  await visitor.getByRole("button", { name: "Register" }).click();
  await visitor.getByRole("heading", { name: "Your registration" }).waitFor();
  await visitor.getByText("You are registered.").waitFor();
  await visitor.getByText("Your place is confirmed.").waitFor();
  await snap(visitor, "registration");
  await visitor.getByRole("button", { name: "Cancel my registration" }).click();
  await visitor.getByText("This registration is cancelled.").waitFor();

  // The organizer sees it, with the needs, in the registrations table.
  await page.goto(`${eventUrl}/registrations`);
  const row = page.locator("table.registrations tbody tr", { hasText: "Ama Ñúñez" });
  await row.waitFor();
  // The needs are there, folded away until asked for.
  await row.getByText("Details").click();
  await row.getByText("Vegetarian").waitFor();
  await snap(page, "registrations");

  // The same public pages on a phone.
  const phone = await newPage(390);
  for (const [name, url] of [["home", "/"], ["events", "/events"], ["event", eventPublicPath]]) {
    await phone.goto(`${base}${url}`);
    await snap(phone, name);
  }
  await phone.goto(visitor.url());
  await snap(phone, "session-public");
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `the session page scrolls sideways on a phone by ${overflow}px`);

  assert.deepEqual(consoleErrors, [], "no console errors");
  assert.deepEqual(accessibility, [], "no serious accessibility findings");
});
