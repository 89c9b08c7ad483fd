// The app shell over the release build: load, keyboard section switching, reload keeps the
// section, back button, load-failure panel, and a network audit of the whole journey.
import { test } from "node:test";
import assert from "node:assert/strict";
import { contrast } from "./looks.mjs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { recordRequests, foreignRequests, waitReady, screenshot, DIST } from "./helpers.mjs";
import { useBrowserAndServer } from "./setup.mjs";
import { PERSONAS, answer, press, screenQuestions, settledFocus, step } from "./pages/self-check.mjs";

const env = useBrowserAndServer();

const selectedTab = (page) => page.locator('[role=tab][aria-selected="true"]').getAttribute("data-tab");

/** The tab selected once the app has rendered a key press (Yew renders after the event). */
async function selectedAfterKey(page, expected) {
  await page
    .waitForFunction((id) => document.querySelector('[role=tab][aria-selected="true"]')?.dataset.tab === id, expected, { timeout: 5000 })
    .catch(() => {});
  return selectedTab(page);
}

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
  assert.equal(await selectedAfterKey(page, "myths"), "myths");
  assert.equal(new URL(page.url()).hash, "#myths");
  await expectVisiblePanel(page, "myths");
  await page.keyboard.press("ArrowRight");
  assert.equal(await selectedAfterKey(page, "cost"), "cost");
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
  // Its one action is readable: the reload link's text against the button it is painted on.
  const { ratio } = await contrast(panel.locator("a.kg-button"));
  assert.ok(ratio >= 4.5, `the reload link's contrast is ${ratio.toFixed(2)}:1`);
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

test("the self-check's last screens are fetched after the first answer; if they cannot be, the review says so and nothing is lost", async () => {
  const context = await env.browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const persona = PERSONAS[0];
  let asked = 0;
  let blocked = true;
  const restoreAsked = [];
  page.on("request", (r) => /-restore\.wasm$/.test(r.url()) && restoreAsked.push(r.url()));
  await page.route(/-quiz_end\.wasm$/, (route) => {
    asked += 1;
    return blocked ? route.abort() : route.continue();
  });
  await page.goto(env.server.url + "#quiz");
  await waitReady(page);
  assert.equal(asked, 0, "the first view does not fetch the review and result code");
  assert.deepEqual(restoreAsked, [], "nothing stored: the stored-answers reader is not fetched");
  while ((await step(page)) === "question") {
    for (const q of await screenQuestions(page)) await answer(page, q, persona.answers[q]);
    await press(page, "next");
    if ((await step(page)) === "question") await settledFocus(page);
    for (let i = 0; i < 200 && asked === 0; i++) await page.waitForTimeout(25);
    assert.ok(asked > 0, "fetched once the first answer is in");
  }
  assert.equal(await step(page), "review");
  const panel = page.locator('[data-section="quiz"] [data-error-panel][role=alert]');
  await panel.waitFor({ timeout: 15000 });
  assert.ok(asked >= 2, "asked again on arriving at the review");
  assert.equal(await panel.locator("a[href]").count(), 1, "offers a reload link");
  // Once the code can be fetched, a reload opens the review with every answer kept.
  blocked = false;
  await page.reload();
  await waitReady(page);
  assert.equal(restoreAsked.length, 1, "answers stored: their reader came before data-ready");
  await page.locator(".kg-quiz-review dl").waitFor({ timeout: 15000 });
  assert.equal(await step(page), "review");
  // A restored review gets focus only by the person's own move: nothing is focused on load.
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
  assert.ok((await page.locator(".kg-quiz-review dl dt").count()) >= Object.keys(persona.answers).length - 2);
  await press(page, "see-result");
  await page.locator("[data-outcome]").waitFor();
  assert.equal(await page.locator("[data-outcome]").getAttribute("data-outcome"), persona.outcome);

  // Code that lands after the review was reached: a status line meanwhile, then the review
  // with focus on its heading, as if it had been there all along.
  const slow = await context.newPage();
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await slow.route(/-quiz_end\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await slow.goto(env.server.url + "#quiz");
  await waitReady(slow);
  while ((await step(slow)) === "question") {
    for (const q of await screenQuestions(slow)) await answer(slow, q, persona.answers[q]);
    await press(slow, "next");
    if ((await step(slow)) === "question") await settledFocus(slow);
  }
  await slow.locator('[data-section="quiz"] .kg-loading[role=status]').waitFor();
  release();
  await slow.locator(".kg-quiz-review dl").waitFor({ timeout: 15000 });
  await settledFocus(slow);
  assert.equal(await slow.evaluate(() => document.activeElement?.closest(".kg-quiz-review") !== null), true);
  await context.close();
});

test("a tool's own stylesheet is fetched on first use, and the tool waits for it", async () => {
  const context = await env.browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const styles = [];
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/kg-style-myths-[0-9a-f]+\.css$/, async (route) => {
    styles.push(route.request().url());
    await held;
    await route.continue();
  });
  page.on("request", (r) => /kg-style-cost-/.test(r.url()) && styles.push(r.url()));
  await page.goto(env.server.url + "#quiz");
  await waitReady(page);
  assert.deepEqual(styles, [], "the first view fetches no other tool's styles");
  await page.locator('[data-tab="myths"]').click();
  const panel = page.locator('[data-section="myths"]');
  // Code and text are here soon; the claims still wait for their styles.
  await page.waitForTimeout(1500);
  assert.equal(styles.length, 1);
  assert.equal(await panel.locator("[data-claim-id]").count(), 0, "no unstyled claims");
  await panel.locator(".kg-loading[role=status]").waitFor();
  release();
  await panel.locator("[data-claim-id]").first().waitFor({ timeout: 15000 });
  const search = await panel.locator("input[type=search]").evaluate((el) => getComputedStyle(el).minHeight);
  assert.equal(search, "44px", "myths.css applies");
  await page.locator('[data-tab="cost"]').click();
  await page.locator('[data-section="cost"] [data-estimate]').waitFor({ timeout: 15000 });
  assert.ok(styles.some((u) => /kg-style-cost-/.test(u)), "the cost styles came with the cost tab");
  const group = await page.locator('[data-section="cost"] .kg-cost-group').first().evaluate((el) => getComputedStyle(el).borderTopStyle);
  assert.equal(group, "solid", "cost.css applies");
  await context.close();
});

async function expectVisiblePanel(page, id) {
  const visible = await page.locator("[role=tabpanel]:not([hidden])").evaluateAll((els) => els.map((e) => e.dataset.section));
  assert.deepEqual(visible, [id]);
}
