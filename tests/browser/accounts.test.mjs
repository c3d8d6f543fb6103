// Browser checks of accounts run from the pages, on the demo data: an organizer gives the
// rapporteur of a session of the upcoming Kampala roundtable a sign-in in one click; the
// rapporteur opens the set-up link from the mail, chooses a password, lands on "My
// summaries" and finds the session; later they reset a forgotten password. A visitor
// applies for membership, the organizer approves, and the new member signs in.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, clearShots, consoleErrors, accessibility, signInAs } from "./harness.mjs";

const organizer = "organizer@example.org";
const password = "roundtable-demo";
const event = "rtop-follow-up-roundtable-kampala";
const session = "Early warning that leads to early action";
const rapporteurEmail = "okello.odongo@example.org";

let app;

before(async () => {
  clearShots("accounts");
  app = await start("accounts", [{ args: ["demo"] }]);
});

after(async () => {
  await app?.stop();
});

async function signIn(page, email, secret) {
  await signInAs(page, app.base, email, secret);
}

/// The path of the first link of a mail that contains `/prefix/`.
function linkIn(text, prefix) {
  const match = new RegExp(`https?://[^\\s]*/${prefix}/[A-Za-z0-9_-]+`).exec(text);
  assert.ok(match, `a /${prefix}/ link in: ${text}`);
  return match[0];
}

test("an invited rapporteur gets in by themselves, and later resets a forgotten password", async () => {
  const { base, newPage, snap, mailTo } = app;
  const org = await newPage();
  await signIn(org, organizer, password);
  assert.equal(new URL(org.url()).pathname, "/organize", "an organizer lands in the workspace");
  await org.getByRole("heading", { name: "Organizers' workspace" }).waitFor();

  // The session of the upcoming roundtable gets a rapporteur, created on the way.
  await org.goto(`${base}/organize/events/${event}`);
  await org.getByRole("link", { name: session }).first().click();
  await org.getByRole("heading", { name: session }).waitFor();
  await org.getByLabel("Role in this session").selectOption("rapporteur");
  await org.getByLabel("Title", { exact: true }).fill("Mr");
  await org.getByLabel("Given name").fill("Okello");
  await org.getByLabel("Family name").fill("Odongo");
  await org.locator("#f-email").fill(rapporteurEmail);
  await org.getByRole("button", { name: "Create and add" }).click();
  await org.getByText("Mr Okello ODONGO has no account yet").waitFor();
  await snap(org, "session-rapporteur-without-account");
  await org.getByRole("button", { name: "Invite Mr Okello ODONGO to sign in as rapporteur" }).click();
  await org.getByText("the set-up mail, with this session and its due date, is on its way").waitFor();
  await org.getByText("has not chosen a password yet").waitFor();
  await snap(org, "session-rapporteur-invited");

  // The mail names the session and its due date; its link works once.
  const setup = await mailTo(rapporteurEmail, /Roundtable account/);
  assert.match(setup.text, new RegExp(session));
  assert.match(setup.text, /Your summary is due by/);
  const setupLink = linkIn(setup.text, "account/setup");
  assert.ok(setupLink.startsWith(base), `the link leads to this server: ${setupLink} (${base})`);
  const luc = await newPage();
  await luc.goto(setupLink);
  await luc.getByRole("heading", { name: "Welcome, Mr Okello ODONGO" }).waitFor();
  await snap(luc, "setup");
  await luc.getByLabel(/^New password/).fill("kampala early warning");
  await luc.getByLabel(/^The same password again/).fill("kampala early warnings");
  await luc.getByRole("button", { name: "Set my password and sign in" }).click();
  await luc.getByText("Not the same as the password above").waitFor();
  await snap(luc, "setup-error");
  await luc.getByLabel(/^New password/).fill("kampala early warning");
  await luc.getByLabel(/^The same password again/).fill("kampala early warning");
  await luc.getByRole("button", { name: "Set my password and sign in" }).click();
  await luc.getByRole("heading", { name: "My summaries" }).waitFor();
  assert.equal(new URL(luc.url()).pathname, "/rapporteur");
  await luc.getByRole("link", { name: session }).waitFor();
  await snap(luc, "rapporteur-home");

  // The organizers' accounts page shows the new account, active.
  await org.goto(`${base}/organize/accounts`);
  const row = org.locator(`#account-${await org.locator("tr", { hasText: rapporteurEmail }).getAttribute("id").then((id) => id.split("-")[1])}`);
  await row.getByText("Active").waitFor();
  await snap(org, "accounts");

  // Later: signed out, the password forgotten.
  await luc.getByRole("button", { name: "Sign out" }).click();
  await luc.goto(`${base}/login`);
  await luc.getByRole("link", { name: "Forgot your password?" }).click();
  await luc.getByLabel("Email").fill(rapporteurEmail);
  await luc.getByRole("button", { name: "Send me a link" }).click();
  await luc.getByText("Check your mail").waitFor();
  await snap(luc, "forgot-sent");
  const reset = await mailTo(rapporteurEmail, /new password/);
  const resetLink = linkIn(reset.text, "account/reset");
  await luc.goto(resetLink);
  await luc.getByRole("heading", { name: "Choose a new password" }).waitFor();
  await luc.getByLabel(/^New password/).fill("a new kampala password");
  await luc.getByLabel(/^The same password again/).fill("a new kampala password");
  await luc.getByRole("button", { name: "Save the new password and sign in" }).click();
  await luc.getByRole("heading", { name: "My summaries" }).waitFor();
  // The link is spent.
  await luc.goto(resetLink);
  await luc.getByRole("heading", { name: "This link no longer works" }).waitFor();
  await luc.getByRole("button", { name: "Sign out" }).click();
  await signIn(luc, rapporteurEmail, "a new kampala password");
  assert.equal(new URL(luc.url()).pathname, "/rapporteur");

  // On a phone, the set-up page of someone else does not scroll sideways.
  const phone = await newPage(390);
  await phone.goto(`${base}/login`);
  await snap(phone, "login");
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `the sign-in page scrolls sideways on a phone by ${overflow}px`);
});

test("a visitor applies for membership, the organizer approves, and the member signs in", async () => {
  const { base, newPage, snap, mailTo } = app;
  const visitor = await newPage();
  await visitor.goto(`${base}/`);
  await visitor.getByRole("link", { name: "Member sign in" }).click();
  await visitor.getByRole("link", { name: "Apply for membership" }).click();
  await visitor.getByLabel(/^Given name/).fill("Ana");
  await visitor.getByLabel(/^Family name/).fill("Ñúñez");
  await visitor.getByLabel(/^Email/).fill("ana.nunez@cries.example.org");
  await visitor.getByLabel(/^Organization/).fill("CRIES");
  await visitor.getByLabel("Country").selectOption("AR");
  await visitor.getByLabel("Why would you like to join?").fill("CRIES co-organized the 2008 Buenos Aires roundtable.");
  await visitor.getByRole("button", { name: "Send my application" }).click();
  await visitor.getByText("Your application was not sent").waitFor();
  assert.equal(await visitor.getByLabel(/^Family name/).inputValue(), "Ñúñez", "what was typed is kept");
  await snap(visitor, "join-error");
  await visitor.getByLabel(/I agree/).check();
  await visitor.getByRole("button", { name: "Send my application" }).click();
  await visitor.getByText("your application is received").waitFor();
  await snap(visitor, "join-sent");

  const org = await newPage();
  await signIn(org, organizer, password);
  await org.getByRole("link", { name: /Accounts \(1 to decide\)/ }).click();
  const card = org.locator("#applications li", { hasText: "Ana Ñúñez" });
  await card.getByText("CRIES co-organized").waitFor();
  await snap(org, "applications");
  await card.getByRole("button", { name: "Approve: make a member account" }).click();
  await org.getByText("is a member: the set-up mail is on its way").waitFor();

  const welcome = await mailTo("ana.nunez@cries.example.org", /membership was approved/);
  await visitor.goto(linkIn(welcome.text, "account/setup"));
  await visitor.getByLabel(/^New password/).fill("buenos aires 2008");
  await visitor.getByLabel(/^The same password again/).fill("buenos aires 2008");
  await visitor.getByRole("button", { name: "Set my password and sign in" }).click();
  await visitor.getByText("Your password is set and you are signed in").waitFor();
  assert.equal(new URL(visitor.url()).pathname, "/", "a member lands on the home page");
  await visitor.getByRole("link", { name: "Your account" }).click();
  await visitor.getByRole("heading", { name: "Your account" }).waitFor();
  await visitor.getByLabel("Language").selectOption("es");
  await visitor.getByRole("button", { name: "Save my details" }).click();
  await visitor.getByText("Your details are saved.").waitFor();
  await snap(visitor, "account");

  assert.deepEqual(consoleErrors, [], "no console errors");
  assert.deepEqual(accessibility, [], "no serious accessibility findings");
});
