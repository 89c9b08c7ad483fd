// WCAG 2.2 AA, measured over the release build: axe-core (tags wcag2a wcag2aa wcag21a wcag21aa
// wcag22aa) on every view and state of the three tools, standalone and inside the embed's
// shadow root, with a clinic's accent colours and in the configurator, light and dark. The
// keyboard journeys are in a11y-keyboard.test.mjs; motion, forced colours, reflow and target
// sizes in a11y-display.test.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { env, useServers, openApp, openEmbed, checker, next, play, persona, showSection, THEMES, EMBED } from "./a11y-support.mjs";
import { screenshot } from "./helpers.mjs";

useServers();

for (const theme of THEMES) {
  test(`axe: every quiz state has no WCAG 2.2 A/AA violation (${theme})`, { timeout: 180000 }, async () => {
    const { context, page, errors } = await openApp("", { colorScheme: theme });
    const axeOn = checker(page, theme);
    await page.locator("fieldset[data-question]").first().waitFor();
    await axeOn.check("quiz: first question");
    await page.locator("[data-decision] summary").click();
    await page.locator("[data-decision] details p").filter({ hasNotText: "Loading" }).waitFor();
    await axeOn.check("quiz: the decision, described");
    await page.locator("[data-decision] summary").click();
    await page.locator('button[data-action="next"]').click();
    await page.locator("[data-kg-error-summary]").waitFor();
    await axeOn.check("quiz: a question with an error");
    const crisis = persona("review-first", true);
    let sawCrisis = false;
    await play(page, crisis, {
      onScreen: async (qs) => {
        if (qs.includes("medicines")) await axeOn.check("quiz: a checkbox question");
        if (qs.includes("route")) {
          await page.locator(".kg-quiz .kg-disclosure-button").first().click();
          await axeOn.check("quiz: why we ask, open");
        }
      },
      onHelp: async () => {
        await page.locator("[role=alert]").waitFor();
        await axeOn.check("quiz: the crisis help, on its own");
        sawCrisis = true;
      },
      onReview: async () => {
        await page.locator("[data-values] fieldset").first().waitFor();
        await axeOn.check("quiz: the review step with what matters to you");
        await page.locator("#kg-values-relief-soon-very").check();
        await page.locator("#kg-values-memory-somewhat").check();
        await axeOn.check("quiz: what matters to you, answered");
      },
    });
    assert.ok(sawCrisis);
    await axeOn.check("quiz: result with the crisis alert");
    await page.locator("[data-values-summary]").waitFor();
    await page.locator(".kg-quiz-compare .kg-disclosure-button").click();
    await page.locator("[data-outcome] table[data-options]").waitFor();
    await axeOn.check("quiz: result with what matters and the options compared");
    for (const outcome of ["worth-discussing", "review-first", "other-options-first", "not-suitable"]) {
      await page.locator('button[data-action="restart"]').click();
      await page.locator('button[data-action="restart-confirm"]').click();
      await page.locator('fieldset[data-question="age"]').waitFor();
      await play(page, persona(outcome));
      assert.equal(await page.locator("[data-outcome]").getAttribute("data-outcome"), outcome);
      await axeOn.check(`quiz: outcome ${outcome}`);
    }
    assert.deepEqual(errors, []);
    await context.close();
    axeOn.done(13);
  });

  test(`axe: every myths state has no WCAG 2.2 A/AA violation (${theme})`, { timeout: 180000 }, async () => {
    const { context, page, errors } = await openApp("#myths", { colorScheme: theme });
    const axeOn = checker(page, theme);
    const panel = page.locator('[role=tabpanel][data-section="myths"]');
    await panel.locator("article[data-claim-id]").first().waitFor();
    await axeOn.check("myths: the list");
    await panel.locator("article[data-claim-id] .kg-disclosure-button").first().click();
    await panel.locator('article[data-open="true"]').waitFor();
    await axeOn.check("myths: a myth expanded");
    await page.goto(`${env.server.url}#myths/never-causes-insomnia`);
    await panel.locator('article[data-claim-id="never-causes-insomnia"][data-open="true"] svg').first().waitFor();
    await axeOn.check("myths: a deep-linked myth with a chart");
    await panel.locator('[data-filter-verdict="mostly-false"]').click();
    await panel.locator(".kg-chip[data-filter-topic]").first().click();
    await panel.locator('button[data-action="clear"]').waitFor();
    await axeOn.check("myths: filters applied");
    await panel.getByRole("searchbox").fill("zzqx no such words");
    await panel.locator("[data-empty]").waitFor();
    await axeOn.check("myths: the empty state");
    await panel.locator('[data-empty] button[data-action="clear"]').click();
    await panel.locator('[data-action="routes"]').click();
    await panel.locator("table").waitFor();
    await axeOn.check("myths: the routes table");
    await page.goto(`${env.server.url}#myths/options`);
    await panel.locator("table[data-options]").waitFor();
    await axeOn.check("myths: the options compared");
    await panel.locator("[data-disclosure] .kg-disclosure-button").click();
    await panel.locator('[data-disclosure] [data-about="dates"]').waitFor();
    await axeOn.check("myths: About this guide, open");
    assert.deepEqual(errors, []);
    await context.close();
    axeOn.done(8);
  });

  test(`axe: every cost state has no WCAG 2.2 A/AA violation (${theme})`, { timeout: 180000 }, async () => {
    const { context, page, errors } = await openApp("#cost", { colorScheme: theme });
    const axeOn = checker(page, theme);
    await page.locator("[data-estimate]").waitFor();
    await axeOn.check("cost: the default estimate");
    // The chart is one image named by its title and description, with the same figures as a table.
    const chart = await page.locator(".kg-cost-chart svg").evaluate((svg) => ({
      role: svg.getAttribute("role"),
      name: svg.getAttribute("aria-labelledby").split(" ").map((id) => svg.querySelector(`[id="${id}"]`)?.textContent.trim() ?? "").join(" "),
    }));
    assert.equal(chart.role, "img");
    assert.ok(chart.name.length > 30, `chart's text alternative: "${chart.name}"`);
    assert.equal(await page.locator("[data-compare-table] tbody tr").count(), 4, "the chart's figures as a table");
    await page.locator("#kg-cost-route-esketamine").check();
    await page.locator("#kg-cost-maintenance_enabled-on").check();
    await page.locator("#kg-cost-coverage-percent").check();
    for (const button of await page.locator(".kg-cost .kg-disclosure-button").all()) await button.click();
    await axeOn.check("cost: esketamine, boosters, coinsurance, disclosures open");
    await page.locator("#kg-cost-induction_sessions").fill("-3");
    await page.locator("#kg-cost-covered_percent").fill("150");
    await page.locator("[data-stale]").waitFor();
    await axeOn.check("cost: the estimate with input errors");
    assert.deepEqual(errors, []);
    await context.close();
    axeOn.done(3);
  });

  test(`axe: the embed, inside its shadow root, has no WCAG 2.2 A/AA violation (${theme})`, { timeout: 180000 }, async () => {
    const { context, page, errors, root } = await openEmbed("/clinic.html", { colorScheme: theme });
    const axeOn = checker(page, theme);
    const whole = checker(page, theme);
    await root.locator("fieldset[data-question]").first().waitFor();
    await axeOn.check("embed: quiz");
    await whole.check("embed: the host page as a whole");
    await root.locator('.kg-quiz button[data-action="next"]').click();
    await root.locator("[data-kg-error-summary]").waitFor();
    const inShadow = checker(page, theme, { include: [{ fromShadowDom: EMBED }] });
    await inShadow.check("embed: quiz error (shadow context)");
    await play(root, persona("review-first"), {
      onReview: async () => {
        await root.locator("[data-values] fieldset").first().waitFor();
        await root.locator("#kg-values-at-home-very").check();
        await inShadow.check("embed: quiz review with what matters to you");
      },
    });
    await root.locator("[data-outcome] [data-cta-disclosure]").waitFor();
    await inShadow.check("embed: quiz result with the clinic's link and whose it is");
    await root.locator(".kg-quiz-compare .kg-disclosure-button").click();
    await root.locator("[data-outcome] table[data-options]").waitFor();
    await inShadow.check("embed: quiz result with the options compared");
    await showSection(root, "myths");
    await root.locator("article[data-claim-id] .kg-disclosure-button").first().click();
    await inShadow.check("embed: a myth expanded");
    await root.locator('[data-filter-verdict="mostly-false"]').click();
    await inShadow.check("embed: filters applied");
    await root.locator('.kg-myths [data-action="clear"]').first().click();
    await root.locator('[data-action="routes"]').click();
    await root.locator(".kg-routes-table").waitFor();
    await inShadow.check("embed: routes table");
    await showSection(root, "cost");
    await root.locator(".kg-cost [data-cta-disclosure]").waitFor();
    await inShadow.check("embed: the estimate with the clinic's link and whose it is");
    await root.locator("#kg-cost-induction_sessions").fill("-3");
    await root.locator("[data-stale]").waitFor();
    await inShadow.check("embed: cost with an input error");
    assert.deepEqual(errors, []);
    await context.close();
    axeOn.done(1);
    whole.done(1);
    inShadow.done(9);
  });
}

// Clinics theme the embed with --kg-accent (README, configurator). One colour serves both
// themes, so the widget must keep text in and on the accent readable whatever it is.
const ACCENTS = ["#7a2e8e", "#1d5fa8", "#e4002b", "#ffcc00", "#00a86b", "#000000", "#ffffff", "#8cc2ff"];
for (const theme of THEMES) {
  test(`axe: any clinic accent colour stays readable inside the embed (${theme})`, { timeout: 180000 }, async () => {
    const { context, page, errors, root } = await openEmbed("/clinic.html", { colorScheme: theme });
    const inShadow = checker(page, theme, { include: [{ fromShadowDom: EMBED }] });
    await showSection(root, "myths");
    await root.locator('[data-filter-verdict="mostly-false"]').click();
    for (const accent of ACCENTS) {
      await root.evaluate((el, a) => el.style.setProperty("--kg-accent", a), accent);
      await showSection(root, "myths");
      await inShadow.check(`accent ${accent}: myths with a pressed chip`);
      await showSection(root, "quiz");
      await inShadow.check(`accent ${accent}: quiz`);
    }
    assert.deepEqual(errors, []);
    await context.close();
    inShadow.done(ACCENTS.length * 2);
  });
}

for (const theme of THEMES) {
  test(`axe: the configurator and its live preview have no WCAG 2.2 A/AA violation (${theme})`, { timeout: 180000 }, async () => {
    const context = await env.browser.newContext({ colorScheme: theme });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e));
    await page.goto(`${env.server.url}configurator/`);
    const preview = page.locator("ketamine-guide#cf-preview");
    await preview.locator('.kg-app[data-ready="true"]').waitFor({ timeout: 20000 });
    const axeOn = checker(page, theme);
    await axeOn.check("configurator: as loaded, page and preview");
    await page.getByLabel("Address of your booking page").fill("https://clinic.example/book");
    await page.getByLabel("Words on the button").fill("Book now");
    await page.locator("#cf-route-iv").getByLabel("One price").check();
    await page.locator("#cf-route-iv").getByLabel("Price (USD)").fill("IV 450");
    await page.getByLabel("Sessions in a first course").fill("8");
    await page.getByLabel("Sessions in a first course").blur();
    await page.locator("#cf-price-iv-one-error").waitFor();
    await preview.locator("[data-config-errors]").waitFor();
    await axeOn.check("configurator: a price that is not a number, at its field and in the preview");
    await showSection(preview, "cost");
    await axeOn.check("configurator: the preview on the cost section");
    await screenshot(page, `a11y-configurator-${theme}`);
    assert.deepEqual(errors, []);
    await context.close();
    axeOn.done(3);
  });
}
