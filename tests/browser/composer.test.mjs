// Browser checks of the invitation composer on the demo data: the organizer opens it from
// a session of the upcoming Kampala roundtable, sees its people with their roles, types a
// message, previews the mail each will get, is refused (and keeps the message) when
// nobody is ticked, then sends; the invitee opens the mail's Accept link, which answers
// nothing until the one focused button is pressed. At 1280 and 390 px wide, audited by
// axe-core, without sideways scrolling on the phone.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, clearShots, consoleErrors, accessibility, signInAs } from "./harness.mjs";

const organizer = "organizer@example.org";
const password = "roundtable-demo";
const event = "rtop-follow-up-roundtable-kampala";
const session = "What came of the 2008 recommendations";
const chairEmail = "corlett.letlojane@hurisa.example.org";
const message = "Dear colleagues,\nwe would be glad to have you with us in Kampala.\nLunch is served at 13:30.";

let app;

before(async () => {
  clearShots("composer");
  app = await start("composer", [{ args: ["demo"] }]);
});

after(async () => {
  await app?.stop();
});

async function signIn(page) {
  await signInAs(page, app.base, organizer, password);
}

async function sideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

test("an organizer previews the invitations of a session, then sends them; the invitee accepts in one click", async () => {
  const { base, newPage, snap, mailTo } = app;
  const org = await newPage(1280);
  await signIn(org);

  // From the workspace, the session's button opens the composer: nothing is sent yet.
  await org.goto(`${base}/organize/events/${event}`);
  await org.getByRole("link", { name: `Send invitations to the people of ${session}` }).click();
  await org.getByRole("heading", { name: `Invite the people of “${session}”` }).waitFor();
  const chair = org.getByRole("checkbox", { name: /Ms Corlett LETLOJANE/ });
  const rapporteur = org.getByRole("checkbox", { name: /Ms Grace AKELLO/ });
  assert.ok(await chair.isChecked(), "the chair, never invited, is ticked");
  assert.ok(await rapporteur.isChecked(), "the rapporteur, never invited, is ticked");
  await org.locator(".recipient-list .role", { hasText: "Chair" }).waitFor();
  await org.locator(".recipient-list .role", { hasText: "Rapporteur" }).waitFor();
  await org.getByRole("button", { name: "Send 2 invitations" }).waitFor();
  await snap(org, "composer");

  // Nobody ticked: refused, and the message typed is still there.
  await org.getByLabel("Your message (optional)").fill(message);
  await chair.uncheck();
  await rapporteur.uncheck();
  await org.getByRole("button", { name: "Send 0 invitations" }).click();
  await org.getByRole("heading", { name: "Nothing was sent" }).waitFor();
  await org.getByText("Tick at least one person to invite.").first().waitFor();
  assert.equal(await org.getByLabel("Your message (optional)").inputValue(), message, "the message is kept");
  await snap(org, "refused");

  // The preview shows each mail on the page, as its recipient will get it.
  await org.getByRole("checkbox", { name: /Ms Corlett LETLOJANE/ }).check();
  await org.getByRole("checkbox", { name: /Ms Grace AKELLO/ }).check();
  await org.getByRole("button", { name: "Preview" }).click();
  await org.getByRole("heading", { name: /^Preview: the 2 mails/ }).waitFor();
  const first = org.locator("details.preview-mail", { hasText: "Ms Corlett LETLOJANE" });
  if (!(await first.evaluate((d) => d.open))) await first.locator("summary").click();
  const text = await first.locator("pre.mail-text").textContent();
  assert.match(text, /^Dear Ms Letlojane,/, "the salutation in normal case");
  assert.ok(text.includes(message), `the message in the preview: ${text}`);
  assert.match(text, /Victoria Hall/);
  assert.equal(await first.locator("iframe.mail-html").getAttribute("sandbox"), "", "the HTML cannot run");
  const frame = await (await first.locator("iframe.mail-html").elementHandle()).contentFrame();
  await frame.getByText("Dear Ms Letlojane,").waitFor();
  await frame.getByText("we would be glad to have you with us in Kampala.").waitFor();
  await frame.getByRole("link", { name: "Accept" }).waitFor();
  await first.getByText(/Invitation: chair at What came of the 2008 recommendations/).waitFor();
  assert.equal(await org.getByLabel("Your message (optional)").inputValue(), message);
  await snap(org, "preview");

  // Sending goes back to the workspace, which says how many went.
  await org.locator("#preview").getByRole("button", { name: "Send 2 invitations" }).click();
  await org.waitForURL(`${base}/organize/events/${event}`);
  await org.getByText(/2 invitations are on their way: .*Ms Corlett LETLOJANE \(chair\)/).waitFor();
  await snap(org, "sent");

  // On a phone, the composer fits the width, before and after a preview.
  const phone = await newPage(390);
  await signIn(phone);
  await phone.goto(`${base}/organize/events/${event}`);
  await phone.getByRole("link", { name: `Send invitations to the people of ${session}` }).click();
  await phone.getByRole("heading", { name: `Invite the people of “${session}”` }).waitFor();
  await phone.getByText("Invited, no answer").first().waitFor();
  assert.ok((await sideways(phone)) <= 1, `the composer scrolls sideways on a phone by ${await sideways(phone)}px`);
  await snap(phone, "composer-invited");
  await phone.getByRole("checkbox", { name: /Ms Corlett LETLOJANE/ }).check();
  await phone.getByLabel("Your message (optional)").fill("A reminder: please answer by Friday.");
  await phone.getByRole("button", { name: "Preview" }).click();
  await phone.getByRole("heading", { name: /^Preview: the mail/ }).waitFor();
  assert.ok((await phone.locator("pre.mail-text").first().textContent()).includes("please answer by Friday"));
  assert.ok((await sideways(phone)) <= 1, `the preview scrolls sideways on a phone by ${await sideways(phone)}px`);
  await snap(phone, "preview");

  // The invitee opens the mail's Accept link: nothing is recorded until the one button.
  const mail = await mailTo(chairEmail, /^Invitation: chair at/);
  assert.match(mail.text, /^Dear Ms Letlojane,/);
  assert.ok(mail.text.includes("we would be glad to have you with us in Kampala."));
  const accept = /Accept:\s+(\S+)/.exec(mail.text)?.[1];
  assert.ok(accept?.includes("?answer=accept"), `an accept link in: ${mail.text}`);
  const invitee = await newPage(390);
  await invitee.goto(accept);
  await invitee.getByRole("heading", { name: "Accept this invitation?" }).waitFor();
  const confirm = invitee.getByRole("button", { name: "Confirm: I accept" });
  assert.ok(await confirm.evaluate((button) => button === document.activeElement), "the button has the focus");
  await invitee.getByText("Victoria Hall").waitFor();
  await invitee.getByText("Kampala Serena Hotel, Kampala, Uganda").waitFor();
  await invitee.getByText(/\(Africa\/Kampala\)/).waitFor();
  assert.ok((await sideways(invitee)) <= 1, "the invitation page fits a phone");
  await snap(invitee, "invitation-accept");
  const workspace = await org.goto(`${base}/organize/events/${event}`);
  assert.ok(workspace.ok());
  const row = org.getByRole("row", { name: /Ms Corlett LETLOJANE/ });
  await row.getByText("Invited").waitFor();
  await confirm.click();
  await invitee.getByText("Thank you: your acceptance is recorded.").waitFor();
  await snap(invitee, "invitation-accepted");
  await org.reload();
  await org.getByRole("row", { name: /Ms Corlett LETLOJANE/ }).getByText("Accepted").waitFor();

  assert.deepEqual(consoleErrors, [], "no console errors");
  assert.deepEqual(accessibility, [], "no serious accessibility findings");
});
