// Display preferences and sizes, over the release build: no motion under prefers-reduced-motion,
// forced colours, reflow at 320 CSS px and at 1280 px with 200% zoom (no sideways scrolling,
// no cut-off chart text, axe clean), and targets of at least 24×24 CSS px. Screenshots go to
// e2e/artifacts/a11y-*.png.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { env, useServers, openEmbed, checker, busy, play, persona, showSection, smallTargets, THEMES, SECTIONS } from "./a11y-support.mjs";
import { waitReady, screenshot, ROOT } from "./helpers.mjs";

useServers();

test("reduced motion: no animation or transition runs after interactions", { timeout: 180000 }, async () => {
  const context = await env.browser.newContext({ reducedMotion: "reduce" });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await waitReady(page);
  for (const section of SECTIONS) {
    await showSection(page, section);
    await busy(page, section);
    assert.equal(await page.evaluate(() => document.getAnimations().length), 0, `${section}: running animations`);
    const smooth = await page.evaluate(() => [...document.querySelectorAll(".kg-app, .kg-app *")].filter((e) => getComputedStyle(e).scrollBehavior === "smooth").length);
    assert.equal(smooth, 0, `${section}: smooth scrolling under reduced motion`);
    await screenshot(page, `a11y-reduced-motion-${section}`);
  }
  await page.goto(`${env.server.url}#myths/never-causes-insomnia`);
  await waitReady(page);
  await page.locator('article[data-claim-id="never-causes-insomnia"][data-open="true"]').waitFor();
  assert.equal(await page.evaluate(() => document.getAnimations().length), 0, "deep link: running animations");
  await context.close();
});

for (const theme of THEMES) {
  test(`forced colours: every section renders with system colours (${theme})`, { timeout: 180000 }, async () => {
    const context = await env.browser.newContext({ colorScheme: theme });
    const page = await context.newPage();
    await page.emulateMedia({ forcedColors: "active" });
    await page.goto(env.server.url);
    await waitReady(page);
    assert.ok(await page.evaluate(() => matchMedia("(forced-colors: active)").matches));
    for (const section of SECTIONS) {
      await showSection(page, section);
      await busy(page, section);
      await screenshot(page, `a11y-forced-colors-${theme}-${section}`);
    }
    // The selected chip and the selected tab must differ from the others without colour.
    const chips = await page.locator(".kg-chip").evaluateAll((els) =>
      els.slice(0, 12).map((e) => ({ pressed: e.getAttribute("aria-pressed"), weight: getComputedStyle(e).fontWeight })),
    );
    for (const c of chips) assert.equal(c.weight === "700", c.pressed === "true", "pressed chips are bold, others not");
    await context.close();
  });
}

const REFLOW = [
  { name: "320", viewport: { width: 320, height: 720 }, deviceScaleFactor: 1 },
  { name: "1280-at-200", viewport: { width: 640, height: 720 }, deviceScaleFactor: 2 },
];

for (const r of REFLOW) {
  test(`reflow at ${r.name}: no sideways scrolling in any section, standalone and embedded`, { timeout: 180000 }, async () => {
    for (const theme of THEMES) {
      const context = await env.browser.newContext({ viewport: r.viewport, deviceScaleFactor: r.deviceScaleFactor, colorScheme: theme });
      const page = await context.newPage();
      await page.goto(env.server.url);
      await waitReady(page);
      // SVG text that runs past its drawing is cut off without making the page scroll, so it
      // is measured on its own.
      const overflow = () =>
        page.evaluate(() => {
          const cut = [...document.querySelectorAll(".kg-app svg text")].filter((t) => {
            const svg = t.closest("svg").getBoundingClientRect();
            const box = t.getBoundingClientRect();
            return box.width > 0 && (box.right > Math.min(svg.right, innerWidth) + 1 || box.left < svg.left - 1);
          });
          return Math.max(document.documentElement.scrollWidth - innerWidth, cut.length ? 1000 + cut.length : 0);
        });
      const axeOn = checker(page, `${theme}, ${r.name}`);
      for (const section of SECTIONS) {
        await showSection(page, section);
        assert.ok((await overflow()) <= 0, `${section} (${theme}) scrolls sideways by ${await overflow()} px`);
        await busy(page, section);
        assert.ok((await overflow()) <= 0, `${section} busy (${theme}) scrolls sideways by ${await overflow()} px`);
        await axeOn.check(`${section}, busy`);
        if (theme === "light") await screenshot(page, `a11y-reflow-${r.name}-${section}`);
        else {
          await page.evaluate(() => scrollTo(0, 0));
          await page.screenshot({ path: join(ROOT, "e2e", "artifacts", `a11y-reflow-${r.name}-${section}-dark.png`) });
        }
      }
      await page.goto(`${env.server.url}#myths/routes`);
      await page.locator(".kg-routes-table").waitFor();
      assert.ok((await overflow()) <= 0, `routes table (${theme}) scrolls the page sideways`);
      await axeOn.check("routes table");
      axeOn.done(4);
      if (theme === "light") await screenshot(page, `a11y-reflow-${r.name}-routes`);
      await context.close();
    }
    const { context, page: p, root: embed } = await openEmbed("/clinic.html", { viewport: r.viewport, deviceScaleFactor: r.deviceScaleFactor });
    for (const section of SECTIONS) {
      await showSection(embed, section);
      await busy(embed, section);
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(overflow <= 0, `embed ${section} scrolls sideways by ${overflow} px`);
    }
    await screenshot(p, `a11y-reflow-${r.name}-embed`);
    await context.close();
  });
}

test("targets: every control in every section's visible states is at least 24×24 px", { timeout: 180000 }, async () => {
  const found = [];
  for (const viewport of [{ width: 1280, height: 800 }, { width: 320, height: 720 }]) {
    const context = await env.browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(env.server.url);
    await waitReady(page);
    const note = async (state) => {
      for (const s of await smallTargets(page)) found.push(`${viewport.width}px ${state}: ${s}`);
    };
    for (const section of SECTIONS) {
      await showSection(page, section);
      await note(section);
      await busy(page, section);
      if (section === "cost") for (const b of await page.locator(".kg-cost .kg-disclosure-button").all()) await b.click();
      await note(`${section} busy`);
    }
    await page.goto(`${env.server.url}#myths/never-causes-insomnia`);
    await page.locator('article[data-claim-id="never-causes-insomnia"][data-open="true"]').waitFor();
    await note("myths deep link");
    await page.goto(`${env.server.url}#myths/routes`);
    await page.locator(".kg-routes-table").waitFor();
    await note("routes");
    await page.goto(env.server.url);
    await waitReady(page);
    await play(page, persona("review-first", true), {
      onScreen: async (qs) => {
        if (qs.includes("conditions") || qs.includes("medicines") || qs.includes("self_harm") || qs.includes("route")) {
          await note(`quiz ${qs.join(" ")}`);
        }
      },
      onHelp: () => note("quiz crisis help"),
      onReview: () => note("quiz review"),
    });
    await note("quiz result");
    await context.close();
  }
  const { context, page } = await openEmbed("/clinic.html");
  for (const s of await smallTargets(page)) found.push(`embed: ${s}`);
  await context.close();
  assert.deepEqual(found, [], "targets smaller than 24×24 px");
});
