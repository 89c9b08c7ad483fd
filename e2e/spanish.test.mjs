// Spanish, end to end over the release build: the language switch, a full quiz journey, a myth
// search, a cost edit, switching language mid-quiz without losing answers, an embed with
// lang="es", and axe on every section in Spanish.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { recordRequests, auditRequests, waitReady, screenshot, ROOT, clinicPage } from "./helpers.mjs";
import { useEmbedHost } from "./setup.mjs";
import { PERSONAS, play, answer, press, settledFocus, screenQuestions } from "./pages/self-check.mjs";
import { axe } from "./a11y-support.mjs";

/** One string of a content file (`key = "value"` on one line). */
function contentString(locale, file, key) {
  const text = readFileSync(join(ROOT, "content", locale, `${file}.toml`), "utf8");
  const m = text.match(new RegExp(`^${key} = "(.*)"$`, "m"));
  assert.ok(m, `${locale}/${file}.toml has ${key}`);
  return m[1];
}


const env = useEmbedHost((assets) => ({
  "/clinica.html": clinicPage(assets, '<ketamine-guide lang="es"></ketamine-guide>', { title: "Clínica" }),
}));

async function openSpanish(context, log) {
  const page = await context.newPage();
  await page.goto(env.server.url);
  await waitReady(page, log);
  await page.locator('button[data-locale="es"]').click();
  await page.locator('.kg-app[lang="es"]').waitFor();
  return page;
}

test("a browser that prefers Spanish gets Spanish; the page and the widget say so", async () => {
  // No service worker here: it would fetch every file for offline use, which is not the point.
  const context = await env.browser.newContext({ locale: "es-MX", serviceWorkers: "block" });
  const log = recordRequests(context);
  const page = await context.newPage();
  await page.goto(env.server.url);
  await waitReady(page, log);
  assert.equal(await page.locator("html").getAttribute("lang"), "es");
  assert.equal(await page.title(), contentString("es", "ui", "page_title"), "the page title is in Spanish too");
  // The loader guessed Spanish too: the first view downloaded no English text.
  const firstView = log.requests.filter((r) => !r.afterReady);
  assert.deepEqual(firstView.filter((r) => /\/kg-en-/.test(r.url)).map((r) => r.url), []);
  assert.ok(firstView.some((r) => /\/kg-es-quiz-/.test(r.url)), "the Spanish quiz text was fetched");
  assert.equal(await page.locator(".kg-app").getAttribute("lang"), "es");
  assert.equal((await page.locator('[data-tab="quiz"]').innerText()).trim(), contentString("es", "ui", "tab_quiz"));
  assert.equal(await page.locator('button[data-locale="es"]').getAttribute("aria-pressed"), "true");
  await context.close();
});

test("a full quiz journey in Spanish, with crisis help in Spanish", async () => {
  const context = await env.browser.newContext();
  const log = recordRequests(context);
  const page = await openSpanish(context, log);
  assert.equal((await page.locator('button[data-action="next"]').innerText()).trim(), "Siguiente");
  const persona = PERSONAS.find((p) => p.crisis);
  await play(page, persona);
  assert.equal(await page.locator("[data-outcome]").getAttribute("data-outcome"), persona.outcome);
  const alert = await page.locator("[role=alert]").innerText();
  assert.match(alert, /988/);
  assert.match(alert, /AYUDA/);
  for (const id of persona.reason_ids) await page.locator(`[data-reason="${id}"]`).waitFor();
  for (const id of persona.other_reason_ids) await page.locator(`[data-other-reason="${id}"]`).waitFor();
  if (persona.reason_ids.includes("self-harm")) {
    assert.match(await page.locator('[data-reason="self-harm"]').innerText(), /pensamientos suicidas/);
  }
  await screenshot(page, "es-quiz-result");
  auditRequests(log, [env.server.origin]);
  await context.close();
});

test("switching language mid-quiz keeps the answers and the place", async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.server.url);
  await waitReady(page);
  const persona = PERSONAS[0];
  const first = await screenQuestions(page);
  for (const q of first) await answer(page, q, persona.answers[q]);
  await press(page, "next");
  await settledFocus(page);
  const second = await screenQuestions(page);
  for (const q of second) await answer(page, q, persona.answers[q]);
  const legend = await page.locator("fieldset[data-question] legend").first().innerText();
  await page.locator('button[data-locale="es"]').click();
  await page.locator('.kg-app[lang="es"]').waitFor();
  assert.deepEqual(await screenQuestions(page), second, "same screen after switching");
  assert.notEqual(await page.locator("fieldset[data-question] legend").first().innerText(), legend, "now in Spanish");
  for (const q of second) {
    const checked = await page.locator(`fieldset[data-question="${q}"] input:checked`).count();
    const typed = await page.locator(`fieldset[data-question="${q}"] input[type="text"]`).count();
    assert.ok(checked > 0 || typed > 0, `${q} still answered`);
  }
  await press(page, "back");
  await settledFocus(page);
  const age = page.locator(`fieldset[data-question="${first[0]}"] input`).first();
  assert.equal(await age.inputValue(), String(persona.answers[first[0]]), "earlier answer kept");
  // The choice is remembered with the rest of the state.
  await page.reload();
  await waitReady(page);
  assert.equal(await page.locator(".kg-app").getAttribute("lang"), "es");
  assert.equal(await page.title(), contentString("es", "ui", "page_title"));
  // And back: the title follows the language switch.
  await page.locator('button[data-locale="en"]').click();
  await page.locator('.kg-app[lang="en"]').waitFor();
  await page.waitForFunction((t) => document.title === t, contentString("en", "ui", "page_title"));
  await context.close();
});

test("a myth search and a cost edit in Spanish", async () => {
  const context = await env.browser.newContext();
  const page = await openSpanish(context);
  await page.locator('[data-tab="myths"]').click();
  const search = page.locator('[data-section="myths"] input[type="search"]');
  await search.fill("SUENO");
  const topics = await page
    .locator('[data-section="myths"] article[data-claim-id]')
    .evaluateAll((els) => els.map((a) => a.dataset.topics.split(" ")));
  assert.ok(topics.length >= 4, "accent- and case-insensitive Spanish search finds the sleep claims");
  for (const t of topics) assert.ok(t.includes("sleep"), `only sleep claims: ${t}`);
  await page.locator('[data-tab="cost"]').click();
  await page.locator('[data-section="cost"] input[type="number"]').first().fill("4");
  await page.waitForFunction(() => document.querySelector("[data-estimate]")?.dataset.lowCents === "160000");
  const shown = await page.locator("[data-estimate]").innerText();
  assert.match(shown, /\$1,600/, "money formatted for US Spanish");
  await screenshot(page, "es-cost");
  await context.close();
});

test('an embed with lang="es" renders Spanish on an English page', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${env.host.origin}/clinica.html`);
  const guide = page.locator("ketamine-guide");
  await guide.locator('.kg-app[data-ready="true"]').waitFor({ timeout: 20000 });
  assert.equal(await guide.locator(".kg-app").getAttribute("lang"), "es");
  assert.equal((await guide.locator('[data-tab="cost"]').innerText()).trim(), contentString("es", "ui", "tab_cost"));
  assert.equal(await page.locator("html").getAttribute("lang"), "en", "the host page's lang is untouched");
  await context.close();
});

test("axe finds no violation in Spanish in any section", async () => {
  const context = await env.browser.newContext();
  const page = await openSpanish(context);
  const found = [];
  for (const tab of ["quiz", "myths", "cost"]) {
    await page.locator(`[data-tab="${tab}"]`).click();
    await page.locator(`[role=tabpanel][data-section="${tab}"]:not([hidden])`).waitFor();
    const { looked, violations } = await axe(page);
    assert.ok(looked > 20, `axe looked at the ${tab} section`);
    found.push(...violations.map((v) => `${tab}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(", ")})`));
  }
  assert.deepEqual(found, []);
  await context.close();
});

test("in Spanish, 'adictiva' and 'enganchado' find the addiction claim, and English citations are marked lang=\"en\"", async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await openSpanish(context);
  await page.locator('[data-tab="myths"]').click();
  const panel = page.locator('[role=tabpanel][data-section="myths"]');
  const search = panel.locator('input[type="search"]');
  const claim = panel.locator('article[data-claim-id="clinic-ketamine-is-addictive"]');
  for (const text of ["adictiva", "¿Es adictiva?", "adicto", "adictivo", "me puedo enganchar", "enganchado"]) {
    await search.fill(text);
    await claim.waitFor();
    assert.equal(await panel.locator("article[data-claim-id]").count() >= 1, true, text);
  }
  await search.fill("adictiva");
  await claim.waitFor();
  // The first result is on screen right under the box (the addiction claim may follow others
  // that also speak of addiction).
  const first = await panel.locator("article[data-claim-id] h3").first().boundingBox();
  assert.ok(first.y + first.height <= 844, "the first result is on screen under the box");
  await page.screenshot({ path: join(ROOT, "e2e", "artifacts", "es-myths-adictiva-phone.png") });
  await claim.locator("button[aria-expanded]").click();
  // Each English publication's citation (and any quote from it) is marked as English.
  const citation = claim.locator('.kg-sources [data-source="morgan-curran-2012"] a').first();
  assert.equal(await citation.getAttribute("lang"), "en", "citations stay in English and say so");
  assert.equal(await claim.locator(".kg-sources-heading").evaluate((el) => el.closest("[lang]").getAttribute("lang")), "es");
  // A slip suggests the topic by its Spanish name.
  await search.fill("insomnoi");
  await panel.locator('[data-suggest="sleep"]').waitFor();
  assert.match(await panel.locator("[data-suggest]").innerText(), /«Sueño»/);
  await page.screenshot({ path: join(ROOT, "e2e", "artifacts", "es-myths-suggest-phone.png") });
  // The estimator's figures and labels in Spanish, with the first year of boosters.
  await page.locator('[data-tab="cost"]').click();
  await page.locator("[data-estimate]").waitFor();
  assert.match(await page.locator("[data-estimate]").innerText(), /Su primer ciclo:?\s*De \$2,400 a \$4,800; lo típico: \$3,600/);
  assert.match(await page.locator("[data-first-year]").innerText(), /Primeros 12 meses, con refuerzos \(1 al mes\)/);
  await page.locator("#kg-cost-coverage-percent").check();
  // The insurers' Spanish labels are longer than the English: none is cut off on the phone.
  const insurers = page.locator('label[for^="kg-cost-insurer-"]');
  assert.equal(await insurers.count(), 5);
  const cut = await insurers.evaluateAll((ls) =>
    ls.filter((l) => l.scrollWidth > l.clientWidth + 1 || l.getBoundingClientRect().right > innerWidth).map((l) => l.textContent),
  );
  assert.deepEqual(cut, [], "no insurer's label is cut off");
  assert.match(await page.locator('label[for="kg-cost-insurer-commercial"]').innerText(), /seguro privado/);
  await page.locator("[data-group=insurer]").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ROOT, "e2e", "artifacts", "es-cost-insurer-phone.png") });
  await context.close();
});
