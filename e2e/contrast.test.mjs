// Every call to action readable: the contrast of the clinic's booking link ([data-cta]) is
// measured as painted (its computed text colour against its computed background), under the
// self-check's result and under the estimate, in light and dark, with the default accent and
// clinics' own (a light yellow and a dark purple), standalone, embedded and in the
// configurator's preview; then every other button, link, tab and summary on those screens.
// axe runs on the same states. A check that reads names cannot see text the colour of its
// background, so this measures pixels' colours instead.
import { test } from "node:test";
import assert from "node:assert/strict";
import { env, useServers, openApp, openEmbed, checker, play, persona, showSection, EMBED } from "./a11y-support.mjs";
import { contrast, controlContrasts } from "./looks.mjs";
import { screenshot } from "./helpers.mjs";

useServers({
  // A host page that allows both colour schemes: the embed follows the device's setting.
  "/cta.html": {
    head: `<meta name="color-scheme" content="light dark">`,
    body: `<ketamine-guide sections="quiz myths cost" cta-href="https://clinic.example/book" cta-label="Book a free consultation"></ketamine-guide>`,
  },
});

const ACCENTS = [null, "#f5c518", "#7a2e8e"];
const AA = 4.5;
const label = (theme, accent) => `${theme}, accent ${accent ?? "default"}`;

/** Sets a clinic's accent on the element that carries the tokens (null: the default). */
const setAccent = (target, accent) =>
  target.evaluate((el, a) => (a ? el.style.setProperty("--kg-accent", a) : el.style.removeProperty("--kg-accent")), accent);

/** Every control in view must reach 4.5:1; returns the ones that do not, named. */
async function lowContrast(root, where) {
  return (await controlContrasts(root)).filter((c) => c.ratio < AA).map((c) => `${where}: "${c.name}" ${c.ratio.toFixed(2)} (${c.color} on ${c.background})`);
}

test("the booking link and every control of the embed are readable in light and dark, with any accent", { timeout: 240000 }, async () => {
  const { context, page, errors, root } = await openEmbed("/cta.html");
  const shadow = checker(page, "embed", { include: [{ fromShadowDom: EMBED }] });
  const low = [];
  await play(root, persona("review-first", true));
  await root.locator("[data-kg-help] summary").click();
  for (const theme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: theme });
    for (const accent of ACCENTS) {
      await setAccent(root, accent);
      await showSection(root, "quiz");
      const cta = root.locator("[data-outcome] [data-cta]");
      const q = await contrast(cta);
      assert.ok(q.ratio >= AA, `result's booking link, ${label(theme, accent)}: ${q.ratio.toFixed(2)} (${q.color} on ${q.background})`);
      low.push(...(await lowContrast(root, `result, ${label(theme, accent)}`)));
      await shadow.check(`result with the booking link, ${label(theme, accent)}`);
      if (accent) await screenshot(page, `contrast-embed-result-${theme}-${accent.slice(1)}`);
      await showSection(root, "cost");
      const c = await contrast(root.locator(".kg-cost [data-cta]"));
      assert.ok(c.ratio >= AA, `estimate's booking link, ${label(theme, accent)}: ${c.ratio.toFixed(2)} (${c.color} on ${c.background})`);
      low.push(...(await lowContrast(root, `estimate, ${label(theme, accent)}`)));
      await shadow.check(`estimate with the booking link, ${label(theme, accent)}`);
      await showSection(root, "myths");
      await root.locator('[data-filter-verdict="mostly-false"]').click();
      low.push(...(await lowContrast(root, `explorer with a pressed chip, ${label(theme, accent)}`)));
      await root.locator('[data-filter-verdict="mostly-false"]').click();
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  assert.deepEqual(low, [], "controls under 4.5:1");
  assert.deepEqual(errors, []);
  await context.close();
  shadow.done(12);
});

test("the standalone page's controls are readable in light and dark, with any accent", { timeout: 180000 }, async () => {
  const low = [];
  for (const theme of ["light", "dark"]) {
    const { context, page, errors } = await openApp("", { colorScheme: theme });
    const axeOn = checker(page, theme);
    const html = page.locator("html");
    await page.locator("[data-kg-help] summary").click();
    await play(page, persona("not-suitable", true), {
      onHelp: async () => {
        for (const accent of ACCENTS) {
          await setAccent(html, accent);
          low.push(...(await lowContrast(page, `crisis help, ${label(theme, accent)}`)));
        }
        await axeOn.check(`crisis help with the contacts open (${theme})`);
      },
    });
    for (const accent of ACCENTS) {
      await setAccent(html, accent);
      low.push(...(await lowContrast(page, `result, ${label(theme, accent)}`)));
      await axeOn.check(`result, ${label(theme, accent)}`);
    }
    assert.deepEqual(errors, []);
    await context.close();
    axeOn.done(4);
  }
  assert.deepEqual(low, [], "controls under 4.5:1");
});

test("the booking link is readable in the configurator's preview, light and dark", { timeout: 120000 }, async () => {
  for (const theme of ["light", "dark"]) {
    const context = await env.browser.newContext({ colorScheme: theme });
    const page = await context.newPage();
    await page.goto(`${env.server.url}configurator/`);
    const preview = page.locator("ketamine-guide#cf-preview");
    await preview.locator('.kg-app[data-ready="true"]').waitFor({ timeout: 20000 });
    // As a clinic sets them, through the form.
    await page.getByLabel("Address of your booking page").fill("https://clinic.example/book");
    await page.getByLabel("Words on the button").fill("Book now");
    await page.waitForFunction(() => document.querySelector("#cf-preview").getAttribute("cta-label") === "Book now");
    await showSection(preview, "cost");
    for (const accent of ACCENTS) {
      await setAccent(preview, accent);
      const c = await contrast(preview.locator("[data-cta]"));
      assert.ok(c.ratio >= AA, `preview's booking link, ${label(theme, accent)}: ${c.ratio.toFixed(2)} (${c.color} on ${c.background})`);
    }
    await screenshot(page, `contrast-configurator-${theme}`);
    await context.close();
  }
});
