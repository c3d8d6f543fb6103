// Browser checks of Roundtable in French and Spanish on the demo data: a visitor whose
// browser asks for Spanish reads the Latin American dialogue in Spanish, registers with a
// mistake the form points out in Spanish (what was typed kept), then lands on the
// registrant's page and gets the confirmation mail in Spanish; the outcome report of the
// 2008 Buenos Aires roundtable reads in Spanish with the English summary marked as
// English; a visitor whose browser asks for French does the same in French, and reads the
// Buenos Aires title (not translated into French) marked as Spanish; an organizer reads
// the workspace in French and translates the Buenos Aires title into French, which the
// public page then shows. Every page is audited by axe-core, the language rules
// (html-has-lang, html-lang-valid, valid-lang...) on their own as well, at any impact.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, clearShots, consoleErrors, accessibility, signInAs } from "./harness.mjs";

const organizer = "organizer@example.org";
const password = "roundtable-demo";
const dialogue = "dialogo-r2p-america-latina-seguimiento";
const dialogueEs = "Diálogo sobre la R2P en América Latina: mesa redonda de seguimiento";
const buenosAires = "rtop-roundtable-buenos-aires-2008";
const buenosAiresEs = "Diálogo sobre la R2P: perspectivas latinoamericanas";
const buenosAiresFr = "Dialogue sur la R2P : perspectives latino-américaines";

let app;
const langFindings = [];

before(async () => {
  clearShots("languages");
  app = await start("languages", [{ args: ["demo"] }]);
});

after(async () => {
  await app?.stop();
});

/// A page of the harness (console errors recorded) whose browser asks for `acceptLanguage`
/// first, as a browser set to that language does.
async function pageIn(acceptLanguage, width = 1280) {
  const page = await app.newPage(width);
  await page.context().setExtraHTTPHeaders({ "Accept-Language": acceptLanguage });
  return page;
}

/// The harness's screenshot and audit, then axe-core's language rules alone, whatever the
/// impact of what they find (the harness keeps only serious and critical findings).
async function snap(page, label) {
  await app.snap(page, label);
  const found = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: "rule", values: ["html-has-lang", "html-lang-valid", "valid-lang", "html-xml-lang-mismatch"] },
    });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join("; ")})`);
  });
  for (const finding of found) langFindings.push(`${label}: ${finding}`);
}

/// Out of the field being typed in, so that a list of suggestions the browser draws
/// (outside the page) does not take the click meant for the next button.
const blur = (page) => page.evaluate(() => document.activeElement?.blur());


const htmlLang = (page) => page.locator("html").getAttribute("lang");
const h1 = (page) => page.getByRole("heading", { level: 1 });

/// Registers on the dialogue's page in the language the page reads in, first without a
/// family name (refused beside the field, what was typed kept), then with it.
async function register(page, t, who) {
  const form = page.locator("section#register form");
  await form.getByLabel(new RegExp(`^${t.given}`)).fill(who.given);
  await form.getByLabel(new RegExp(`^${t.email}`)).fill(who.email);
  await form.getByLabel(new RegExp(`^${t.organization}`)).fill(who.organization);
  await form.getByLabel(new RegExp(`^${t.country}`)).selectOption(who.country);
  await form.getByLabel(t.consent).check();
  await blur(page);
  await form.getByRole("button", { name: t.button, exact: true }).click();

  const summary = page.locator("#register-errors");
  await summary.getByRole("heading", { name: t.notRecorded }).waitFor();
  const family = form.getByLabel(new RegExp(`^${t.family}`));
  assert.equal(await family.getAttribute("aria-invalid"), "true");
  const error = page.locator("#f-family-name-error");
  assert.equal((await error.textContent()).trim(), t.required);
  assert.match(await family.getAttribute("aria-describedby"), /f-family-name-error/);
  assert.equal(await page.locator(".field.invalid").count(), 1, "only the family name is refused");
  assert.equal(await page.locator(".field.invalid #f-family-name").count(), 1, "the error is beside the family name");
  assert.equal(await form.getByLabel(new RegExp(`^${t.given}`)).inputValue(), who.given, "the given name is kept");
  assert.equal(await form.getByLabel(new RegExp(`^${t.email}`)).inputValue(), who.email, "the email is kept");
  assert.equal(await form.getByLabel(new RegExp(`^${t.organization}`)).inputValue(), who.organization, "the organization is kept");
  assert.equal(await form.getByLabel(new RegExp(`^${t.country}`)).inputValue(), who.country, "the country is kept");
  assert.ok(await form.getByLabel(t.consent).isChecked(), "the consent is kept");
  assert.equal(await htmlLang(page), t.lang, "the refused form reads in the same language");
  await snap(page, `register-refused-${t.lang}`);

  await family.fill(who.family);
  await blur(page);
  await form.getByRole("button", { name: t.button, exact: true }).click();
  // (The form's action ends in #register, so that a refused form opens at its errors; the
  // browser keeps that fragment through the redirect.)
  await page.waitForURL(/\/registrations\/[\w-]+(#register)?$/);
  await h1(page).filter({ hasText: t.yours }).waitFor();
  assert.equal(await htmlLang(page), t.lang);
  await page.locator(".flash", { hasText: t.flash }).waitFor();
  assert.equal((await page.locator(".badge.confirmed").textContent()).trim(), t.confirmed);
  const calendar = page.locator(`h2:text-is("${t.calendar}") + .actions`);
  await calendar.getByRole("link", { name: t.subscribe }).waitFor();
  await calendar.getByRole("link", { name: t.download }).waitFor();
  const lead = await page.locator("p.lead").textContent();
  assert.ok(lead.includes(`${who.given} ${who.family}`), `the registrant's name: ${lead}`);
  assert.ok(lead.includes(dialogueEs), `the event's title: ${lead}`);
  await snap(page, `registration-${t.lang}`);
}

test("a visitor whose browser asks for Spanish registers in Spanish and reads a report in Spanish", async () => {
  const { base, mailTo } = app;
  const page = await pageIn("es-AR,es;q=0.9");
  await page.goto(`${base}/events/${dialogue}`);
  assert.equal(await htmlLang(page), "es");
  assert.equal((await h1(page).textContent()).trim(), dialogueEs);
  assert.equal(await h1(page).getAttribute("lang"), null, "the title is in the page's language");
  await page.getByRole("heading", { level: 2, name: "Programa", exact: true }).waitFor();
  await page.locator("section#register").getByRole("heading", { name: "Inscribirse", exact: true }).waitFor();
  await snap(page, "event-es");

  const es = {
    lang: "es",
    given: "Nombre",
    family: "Apellido",
    email: "Correo electrónico",
    organization: "Organización",
    country: "País",
    consent: /Acepto que los organizadores/,
    button: "Inscribirme",
    notRecorded: "Su inscripción no se registró",
    required: "Es obligatorio.",
    yours: "Su inscripción",
    confirmed: "Confirmada",
    flash: "Está inscrito/a.",
    calendar: "En su calendario",
    subscribe: "Suscribirse al programa",
    download: "Descargar el programa (.ics)",
  };
  const who = { given: "Lucía", family: "Fernández Ñandú", email: "lucia.fernandez@cries.example.org", organization: "CRIES", country: "AR" };
  await register(page, es, who);

  // The confirmation mail, in Spanish.
  const mail = await mailTo(who.email, /^Inscripción confirmada:/);
  assert.equal(mail.subject, `Inscripción confirmada: ${dialogueEs}`);
  assert.ok(mail.text.includes(`Su inscripción en ${dialogueEs} está confirmada.`), mail.text);

  // The outcome report of 2008 in Spanish, the rapporteur's English summary marked as such.
  await page.goto(`${base}/events/${buenosAires}/report`);
  assert.equal(await htmlLang(page), "es");
  assert.equal((await h1(page).textContent()).trim(), buenosAiresEs);
  await page.getByRole("heading", { level: 2, name: "Introducción", exact: true }).waitFor();
  await page.getByRole("heading", { level: 2, name: "Sobre el evento", exact: true }).waitFor();
  const summary = page.locator("div.summary-body[lang=en]");
  assert.ok((await summary.count()) > 0, "the English summary is marked as English");
  assert.match(await summary.first().locator(".prose").textContent(), /Latin American participants/);
  await snap(page, "report-es");
  await page.close();

  assert.deepEqual(consoleErrors, [], "no console errors");
  assert.deepEqual(accessibility, [], "no serious accessibility findings");
  assert.deepEqual(langFindings, [], "no findings of axe-core's language rules");
});

test("a visitor whose browser asks for French registers in French and reads an untranslated title marked as Spanish", async () => {
  const { base, mailTo } = app;
  const page = await pageIn("fr-FR,fr;q=0.9");
  await page.goto(`${base}/events/${dialogue}`);
  assert.equal(await htmlLang(page), "fr");
  // No French translation of the dialogue: its Spanish title, marked as Spanish.
  assert.equal((await h1(page).textContent()).trim(), dialogueEs);
  assert.equal(await h1(page).getAttribute("lang"), "es");
  await page.getByRole("heading", { level: 2, name: "Programme", exact: true }).waitFor();
  await page.locator("section#register").getByRole("heading", { name: "S’inscrire", exact: true }).waitFor();
  await snap(page, "event-fr");

  const fr = {
    lang: "fr",
    given: "Prénom",
    family: "Nom de famille",
    email: "Courriel",
    organization: "Organisation",
    country: "Pays",
    consent: /J’accepte que les organisateurs/,
    button: "M’inscrire",
    notRecorded: "Votre inscription n’a pas été enregistrée",
    required: "Est obligatoire.",
    yours: "Votre inscription",
    confirmed: "Confirmée",
    flash: "Vous êtes inscrit·e.",
    calendar: "Dans votre agenda",
    subscribe: "S’abonner au programme",
    download: "Télécharger le programme (.ics)",
  };
  const who = { given: "Élodie", family: "Lefèvre", email: "elodie.lefevre@agir-ici.example.org", organization: "Agir-Ici", country: "FR" };
  await register(page, fr, who);
  const mail = await mailTo(who.email, /^Inscription confirmée :/);
  assert.equal(mail.subject, `Inscription confirmée : ${dialogueEs}`);
  assert.ok(mail.text.includes(`Votre inscription à ${dialogueEs} est confirmée.`), mail.text);

  // The 2008 roundtable in Buenos Aires: no French title, so the Spanish one, marked.
  await page.goto(`${base}/events/${buenosAires}`);
  assert.equal(await htmlLang(page), "fr");
  assert.equal((await h1(page).textContent()).trim(), buenosAiresEs);
  assert.equal(await h1(page).getAttribute("lang"), "es");
  await page.getByRole("heading", { level: 2, name: "Programme", exact: true }).waitFor();
  await snap(page, "buenos-aires-fr");

  // The one in Paris, written in French: no lang of its own.
  await page.goto(`${base}/events/rtop-roundtable-paris-2008`);
  assert.equal(await htmlLang(page), "fr");
  assert.equal(await h1(page).getAttribute("lang"), null);
  assert.match(await h1(page).textContent(), /Paris/);
  await snap(page, "paris-fr");
  await page.close();

  assert.deepEqual(consoleErrors, [], "no console errors");
  assert.deepEqual(accessibility, [], "no serious accessibility findings");
  assert.deepEqual(langFindings, [], "no findings of axe-core's language rules");
});

test("an organizer reads the workspace in French and translates the Buenos Aires title into French", async () => {
  const { base, newPage } = app;
  const page = await newPage(1280);
  await signInAs(page, base, organizer, password);

  await page.goto(`${base}/organize?lang=fr`);
  assert.equal(await htmlLang(page), "fr");
  await h1(page).filter({ hasText: "Espace des organisateurs" }).waitFor();
  await page.getByRole("heading", { level: 2, name: "Ce qu’il reste à faire", exact: true }).waitFor();
  await page.getByRole("heading", { level: 2, name: "Tous les événements", exact: true }).waitFor();
  await snap(page, "workspace-fr");

  await page.goto(`${base}/organize/events/${buenosAires}?lang=fr`);
  assert.equal(await htmlLang(page), "fr");
  const main = page.getByRole("main");
  await main.getByRole("link", { name: "Modifier les informations", exact: true }).waitFor();
  await main.getByRole("heading", { level: 2, name: "Programme", exact: true }).waitFor();
  await snap(page, "event-workspace-fr");
  await main.getByRole("link", { name: "Traductions", exact: true }).click();
  await page.waitForURL(/\/translations(\?|$)/);
  await h1(page).filter({ hasText: "Traductions" }).waitFor();

  // Into French (the language the workspace reads in).
  await page.goto(`${base}/organize/events/${buenosAires}/translations?into=fr`);
  assert.equal(await htmlLang(page), "fr");
  const eventGroup = page.getByRole("group", { name: "L’événement" });
  const original = eventGroup.locator("div.original-text").first();
  assert.equal(await original.getAttribute("lang"), "es");
  assert.equal((await original.textContent()).trim(), buenosAiresEs);
  const title = eventGroup.getByLabel("Titre · français", { exact: true });
  assert.equal(await title.getAttribute("lang"), "fr");
  assert.equal(await title.inputValue(), "");
  for (const field of await page.locator("form input[type=text], form textarea").all()) {
    assert.equal(await field.getAttribute("lang"), "fr", "every translation field is marked as French");
  }
  await snap(page, "translations-fr");

  await title.fill(buenosAiresFr);
  await blur(page);
  await page.getByRole("button", { name: "Enregistrer la traduction en français", exact: true }).click();
  await page.locator(".flash", { hasText: "La traduction en français a été enregistrée." }).waitFor();
  assert.match(page.url(), /\/translations\?into=fr$/);
  assert.equal(await page.getByRole("group", { name: "L’événement" }).getByLabel("Titre · français", { exact: true }).inputValue(), buenosAiresFr);
  await snap(page, "translation-saved-fr");
  await page.close();

  // A French reader now sees the French title, in the page's language.
  const reader = await pageIn("fr-FR,fr;q=0.9");
  await reader.goto(`${base}/events/${buenosAires}`);
  assert.equal(await htmlLang(reader), "fr");
  assert.equal((await h1(reader).textContent()).trim(), buenosAiresFr);
  assert.equal(await h1(reader).getAttribute("lang"), null, "the French title is in the page's language");
  await snap(reader, "buenos-aires-translated-fr");
  // A Spanish reader still sees the original.
  const spanish = await pageIn("es-AR,es;q=0.9");
  await spanish.goto(`${base}/events/${buenosAires}`);
  assert.equal((await h1(spanish).textContent()).trim(), buenosAiresEs);
  await reader.close();
  await spanish.close();

  assert.deepEqual(consoleErrors, [], "no console errors");
  assert.deepEqual(accessibility, [], "no serious accessibility findings");
  assert.deepEqual(langFindings, [], "no findings of axe-core's language rules");
});

test("the pages' script speaks the page's language: the composer counts its invitations in Spanish", async () => {
  const { base } = app;
  const page = await app.newPage(1280);
  await signInAs(page, base, organizer, password);
  // The demo's Kampala roundtable: the people of its first session with a panel, ticked.
  await page.goto(`${base}/organize/events/rtop-follow-up-roundtable-kampala?lang=es`);
  await page.locator('a[href*="/invitations/new?session_id="]').first().click();
  await page.waitForURL(/\/invitations\/new\?session_id=/);
  assert.equal(await htmlLang(page), "es");
  const ticked = page.locator('form[data-composer] input[type="checkbox"]:checked');
  const n = await ticked.count();
  assert.ok(n >= 2, `at least two people ticked (${n})`);
  const send = page.locator("button[data-send-count]").first();
  await ticked.first().uncheck();
  // Counted by the script, in Spanish, its one form and its other.
  await page.locator("button[data-send-count]", { hasText: `Enviar ${n - 1} invitaci` }).first().waitFor();
  while ((await ticked.count()) > 1) await ticked.first().uncheck();
  assert.equal((await send.textContent()).trim(), "Enviar 1 invitación");
  await ticked.first().uncheck();
  assert.equal((await send.textContent()).trim(), "Enviar 0 invitaciones");
  await page.close();
  assert.deepEqual(consoleErrors, [], "no console errors");
});
