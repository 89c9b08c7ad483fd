// Screenshots of every state this round of work touched (the decision stated and described, what
// matters to you, the values beside the options, the line beside a clinic's booking link), as a person sees them (the viewport,
// not the whole page), for looking at: phone (390×844) and desktop (1280×800), light and dark,
// standalone and embedded, English and Spanish. Each shot also checks that nothing runs past
// the right edge of the screen. Files: e2e/artifacts/screen-<setup>-<state>.png.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { useServers, openApp, openEmbed, play, persona, showSection } from "./a11y-support.mjs";
import { ARTIFACTS } from "./helpers.mjs";

const guide = (attrs) =>
  `<ketamine-guide sections="quiz myths cost" cta-href="https://clinic.example/book" cta-label="Book a free consultation" ${attrs}></ketamine-guide>`;
useServers({
  "/screens.html": { head: `<meta name="color-scheme" content="light dark">`, body: guide("") },
  "/screens-es.html": { head: `<meta name="color-scheme" content="light dark">`, body: guide(`lang="es"`) },
});

const SIZES = {
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 800 } },
};

const SETUPS = [];
for (const size of ["phone", "desktop"]) {
  for (const theme of ["light", "dark"]) {
    for (const lang of ["en", "es"]) SETUPS.push({ size, theme, lang, embed: false });
    SETUPS.push({ size, theme, lang: "en", embed: true });
  }
}
SETUPS.push({ size: "phone", theme: "dark", lang: "es", embed: true });

for (const setup of SETUPS) {
  const name = `${setup.embed ? "embed" : "page"}-${setup.size}-${setup.theme}-${setup.lang}`;
  test(`screenshots: ${name}`, { timeout: 120000 }, async () => {
    const options = { ...SIZES[setup.size], colorScheme: setup.theme, locale: setup.lang === "es" ? "es-US" : "en-US" };
    const opened = setup.embed
      ? await openEmbed(setup.lang === "es" ? "/screens-es.html" : "/screens.html", options)
      : await openApp("", options);
    const { context, page, errors } = opened;
    const root = opened.root ?? page;
    const shot = async (state) => {
      const wide = await page.evaluate(() => document.documentElement.scrollWidth > innerWidth + 1);
      assert.equal(wide, false, `${state}: nothing runs past the right edge`);
      await page.screenshot({ path: join(ARTIFACTS, `screen-${name}-${state}.png`) });
    };
    await root.locator("fieldset[data-question]").first().waitFor();
    await shot("first");
    // The decision, described (its text arrives right after the first view).
    await root.locator("[data-decision] summary").click();
    await root.locator("[data-decision] details p").filter({ hasNotText: /Loading|Cargando/ }).waitFor();
    await shot("decision-more");
    await root.locator("[data-decision] summary").click();
    await root.locator("[data-kg-help] summary").click();
    await root.locator("[data-kg-help] summary").scrollIntoViewIfNeeded();
    await shot("help-open");
    await root.locator("[data-kg-help] summary").click();
    await play(root, persona("not-suitable", true), {
      onHelp: () => shot("crisis"),
      onReview: async () => {
        // What matters to you, with two answers given.
        await root.locator("[data-values] fieldset").first().waitFor();
        await root.locator("#kg-values-relief-soon-very").check();
        await root.locator("#kg-values-total-cost-somewhat").check();
        await root.locator("[data-values]").scrollIntoViewIfNeeded();
        await shot("values");
      },
    });
    await shot("result");
    await root.locator("[data-values-summary]").scrollIntoViewIfNeeded();
    await shot("result-values");
    await root.locator(".kg-quiz-compare .kg-disclosure-button").click();
    await root.locator("[data-outcome] [data-values-shown]").scrollIntoViewIfNeeded();
    await shot("compare-open");
    await root.locator("[data-outcome] tr[data-option]").nth(4).scrollIntoViewIfNeeded();
    await shot("compare-options");
    await root.locator(".kg-quiz-compare .kg-disclosure-button").click();
    await root.locator("[data-outcome] .kg-quiz-all").scrollIntoViewIfNeeded();
    await shot("all-answers");
    await root.locator('[data-outcome] button[data-action="restart"]').click();
    await root.locator("#kg-quiz-confirm-q").waitFor();
    await shot("restart-confirm");
    await root.locator('button[data-action="restart-cancel"]').click();
    if (setup.embed) {
      await root.locator("[data-outcome] [data-cta]").scrollIntoViewIfNeeded();
      await shot("result-cta");
      await showSection(root, "cost");
      await root.locator(".kg-cost [data-cta]").scrollIntoViewIfNeeded();
      await shot("estimate-cta");
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}
