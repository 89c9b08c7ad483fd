// The app shell over the release build: load, keyboard section switching, reload keeps the
// section, back button, load-failure panel, and a network audit of the whole journey.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { recordRequests, foreignRequests, waitReady, screenshot, DIST } from "./helpers.mjs";
import { useBrowserAndServer } from "./setup.mjs";

const env = useBrowserAndServer();

const selectedTab = (page) => page.locator('[role=tab][aria-selected="true"]').getAttribute("data-tab");

test("index.html loads nothing from another origin and has no inline script", () => {
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  for (const m of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
    assert.ok(!/^(https?:)?\/\//.test(m[1]), `external reference in index.html: ${m[1]}`);
  }
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    assert.match(m[1], /\bsrc=/, "every script is an external file");
    assert.equal(m[2].trim(), "", "no inline script body");
  }
});

test("keyboard switches all three sections, reload and Back keep the place, no foreign request", async () => {
  const context = await env.browser.newContext();
  const log = recordRequests(context);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  await page.goto(env.server.url);
  await waitReady(page, log);
  assert.equal(await selectedTab(page), "quiz");
  assert.equal(await page.locator("html").getAttribute("lang"), "en");

  // Tab into the tab list by keyboard alone, then use the arrow keys.
  const tab = page.locator('[role=tab][aria-selected="true"]');
  for (let i = 0; i < 40 && !(await tab.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  assert.equal(await tab.evaluate((el) => el === document.activeElement), true, "tab list reachable by Tab");
  await page.keyboard.press("ArrowRight");
  assert.equal(await selectedTab(page), "myths");
  assert.equal(new URL(page.url()).hash, "#myths");
  await expectVisiblePanel(page, "myths");
  await page.keyboard.press("ArrowRight");
  assert.equal(await selectedTab(page), "cost");
  assert.equal(new URL(page.url()).hash, "#cost");
  await expectVisiblePanel(page, "cost");
  await screenshot(page, "shell-cost");

  await page.reload();
  await waitReady(page);
  assert.equal(await selectedTab(page), "cost", "reload keeps the section");
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('[role=tab][aria-selected="true"]')?.dataset.tab === "myths");
  await page.keyboard.press("Home");

  assert.deepEqual(errors, []);
  assert.deepEqual(foreignRequests(log, [env.server.origin]), [], "no request leaves the origin");
  await context.close();
});

test("a wasm that fails to load shows a readable panel, not a blank page", async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.route(/\.wasm$/, (route) => route.fulfill({ status: 404, body: "gone" }));
  await page.goto(env.server.url);
  const panel = page.locator("[data-error-panel][role=alert]");
  await panel.waitFor({ timeout: 15000 });
  assert.match(await panel.innerText(), /could not load/i);
  await screenshot(page, "shell-load-error");
  await context.close();
});

test("content that fails to download shows a readable panel and keeps what is on screen", async () => {
  const context = await env.browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  // The first view's own text missing: a plain panel with a reload link, not a blank page.
  await page.route(/kg-en-ui-[0-9a-f]+\.json$/, (route) => route.fulfill({ status: 404, body: "gone" }));
  await page.goto(env.server.url);
  const panel = page.locator("[data-error-panel][role=alert]");
  await panel.waitFor({ timeout: 15000 });
  assert.match(await panel.innerText(), /could not load/i);
  assert.equal(await panel.locator("a[href]").count(), 1, "offers a reload link");
  await page.unroute(/kg-en-ui-[0-9a-f]+\.json$/);

  // A tool's text missing later: the shell and the quiz stay, the panel says so in the page's language.
  await page.route(/kg-en-myths-[0-9a-f]+\.json$/, (route) => route.abort());
  await page.goto(env.server.url + "#quiz");
  await page.reload();
  await waitReady(page);
  await page.locator('[data-tab="myths"]').click();
  await page.locator("[data-error-panel][role=alert]").waitFor({ timeout: 15000 });
  assert.match(await page.locator("[data-error-panel]").innerText(), /Something went wrong/);
  await context.close();
});

test("a tool whose code fails to download shows a readable panel; the other tools keep working", async () => {
  const context = await env.browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  // The cost estimator's wasm chunk (fetched on first use) cannot be reached.
  let asked = 0;
  await page.route(/-cost\.wasm$/, (route) => {
    asked += 1;
    return route.abort();
  });
  await page.goto(env.server.url + "#quiz");
  await waitReady(page);
  await page.locator('[data-tab="cost"]').click();
  const panel = page.locator('[data-section="cost"] [data-error-panel][role=alert]');
  await panel.waitFor({ timeout: 15000 });
  assert.ok(asked > 0, "the cost tab asked for its chunk");
  assert.match(await panel.innerText(), /Something went wrong/);
  assert.equal(await panel.locator("a[href]").count(), 1, "offers a reload link");
  // The self-check and the evidence explorer are unaffected.
  await page.locator('[data-tab="quiz"]').click();
  await page.locator('[data-section="quiz"] input').first().waitFor();
  await page.locator('[data-tab="myths"]').click();
  await page.locator('[data-section="myths"] [data-claim-id]').first().waitFor({ timeout: 15000 });
  await context.close();
});

async function expectVisiblePanel(page, id) {
  const visible = await page.locator("[role=tabpanel]:not([hidden])").evaluateAll((els) => els.map((e) => e.dataset.section));
  assert.deepEqual(visible, [id]);
}
