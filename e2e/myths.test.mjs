// The myths explorer over the release build: search, filters that combine, a reload that keeps
// them, deep links, keyboard-only disclosures, the empty state, the routes table, a network
// audit, and screenshots in light and dark.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { recordRequests, foreignRequests, waitReady, screenshot, ARTIFACTS } from "./helpers.mjs";
import { useBrowserAndServer } from "./setup.mjs";

const env = useBrowserAndServer();

const PANEL = '[role=tabpanel][data-section="myths"]';
const ARTICLES = `${PANEL} article[data-claim-id]`;

/** Opens a fresh context on a place; returns the page, its request log and its page errors. */
async function open(hash, contextOptions = {}) {
  const context = await env.browser.newContext(contextOptions);
  const log = recordRequests(context);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  await page.goto(`${env.server.url}${hash}`);
  await waitReady(page, log);
  await page.locator(ARTICLES).first().waitFor();
  return { context, page, log, errors };
}

/** A screenshot of one element (a full page of 30 cards is too tall to look at). */
const shot = (locator, name) => locator.screenshot({ path: join(ARTIFACTS, `${name}.png`) });

async function done({ context, log, errors }) {
  assert.deepEqual(errors, [], "no page error");
  assert.deepEqual(foreignRequests(log, [env.server.origin]), [], "no request leaves the origin");
  await context.close();
}

/** The shown count, once the list and the live region agree (the UI re-renders per keystroke). */
async function settledCount(page) {
  await page.waitForFunction(
    ({ list, panel }) => {
      const status = document.querySelector(`${panel} [aria-live=polite]`);
      return status && String(document.querySelectorAll(list).length) === status.dataset.count;
    },
    { list: ARTICLES, panel: PANEL },
  );
  return page.locator(ARTICLES).count();
}

const topicsOf = (page) => page.locator(ARTICLES).evaluateAll((els) => els.map((a) => a.dataset.topics.split(" ")));
const verdictsOf = (page) =>
  page.locator(ARTICLES).evaluateAll((els) => els.map((a) => a.querySelector("[data-verdict]").dataset.verdict));

test("searching 'sleep' shows only sleep claims; a verdict filter combines with it; reload keeps both", async () => {
  const run = await open("#myths");
  const { page } = run;
  const total = await settledCount(page);
  assert.ok(total >= 24, `at least 24 claims, got ${total}`);
  const search = page.getByLabel("Search the claims");
  assert.equal(await search.getAttribute("type"), "search");

  await search.fill("sleep");
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length > 0, ARTICLES);
  const searched = await settledCount(page);
  assert.ok(searched > 0 && searched < total);
  for (const topics of await topicsOf(page)) assert.ok(topics.includes("sleep"), `topics ${topics}`);
  assert.match(await page.locator(`${PANEL} [aria-live=polite]`).innerText(), new RegExp(`\\b${searched}\\b`));

  const chip = page.locator(`${PANEL} [data-filter-verdict="mostly-false"]`);
  assert.equal(await chip.getAttribute("aria-pressed"), "false");
  await chip.click();
  assert.equal(await chip.getAttribute("aria-pressed"), "true");
  const combined = await settledCount(page);
  assert.ok(combined > 0 && combined < searched, `verdict narrows the search (${combined} of ${searched})`);
  for (const topics of await topicsOf(page)) assert.ok(topics.includes("sleep"));
  for (const v of await verdictsOf(page)) assert.equal(v, "mostly-false");
  await screenshot(page, "myths-filtered");

  await page.reload();
  await waitReady(page);
  await page.locator(ARTICLES).first().waitFor();
  assert.equal(await page.getByLabel("Search the claims").inputValue(), "sleep", "search survives reload");
  assert.equal(await chip.getAttribute("aria-pressed"), "true", "filter survives reload");
  assert.equal(await settledCount(page), combined);
  await done(run);
});

test("a deep link opens that claim expanded, scrolled into view and focused", async () => {
  const id = "never-causes-insomnia";
  const run = await open(`#myths/${id}`);
  const { page } = run;
  const article = page.locator(`${PANEL} article[data-claim-id="${id}"]`);
  await page.waitForFunction((sel) => document.activeElement?.closest(sel) !== null, `article[data-claim-id="${id}"]`);
  assert.equal(await article.locator("button[aria-expanded]").getAttribute("aria-expanded"), "true");
  assert.ok((await article.locator("[data-source]").count()) >= 1, "sources shown");
  const focused = await page.evaluate(() => ({ tag: document.activeElement.tagName, tabindex: document.activeElement.getAttribute("tabindex") }));
  assert.deepEqual(focused, { tag: "H3", tabindex: "-1" });
  const box = await article.locator("h3").boundingBox();
  const viewport = page.viewportSize();
  assert.ok(box.y >= 0 && box.y + box.height <= viewport.height, `heading scrolled into view (y ${box.y})`);
  const chart = article.locator("svg[role=img]").first();
  assert.match(await chart.getAttribute("aria-label"), /8%.*7%/);
  // On the standalone page a claim has a link worth copying.
  assert.equal(await article.locator(".kg-claim-permalink a").getAttribute("href"), `#myths/${id}`);
  await shot(article, "myths-deep-link-light");
  await done(run);
});

test("dark theme renders the explorer and an open claim", async () => {
  const run = await open("#myths/keeps-you-awake", { colorScheme: "dark" });
  const article = run.page.locator(`${PANEL} article[data-claim-id="keeps-you-awake"][data-open="true"]`);
  await article.waitFor();
  const bg = await run.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(bg, "rgb(255, 255, 255)", "dark tokens applied");
  await shot(article, "myths-deep-link-dark");
  await run.page.evaluate(() => scrollTo(0, 0));
  await run.page.screenshot({ path: join(ARTIFACTS, "myths-top-dark.png") });
  await done(run);
});

test("keyboard only: Tab reaches a claim's disclosure; Enter and Space open and close it", async () => {
  const run = await open("#myths");
  const { page } = run;
  const first = page.locator(ARTICLES).first();
  const button = first.locator("button[aria-expanded]");
  const isFocused = () => button.evaluate((el) => el === document.activeElement);
  for (let i = 0; i < 60 && !(await isFocused()); i++) await page.keyboard.press("Tab");
  assert.ok(await isFocused(), "disclosure reachable with Tab");
  await page.keyboard.press("Enter");
  assert.equal(await button.getAttribute("aria-expanded"), "true");
  const body = page.locator(`#${await button.getAttribute("aria-controls")}`);
  assert.ok(await body.isVisible());
  assert.ok((await body.locator("[data-source]").count()) >= 1);
  await page.keyboard.press("Space");
  assert.equal(await button.getAttribute("aria-expanded"), "false");
  assert.ok(!(await body.isVisible()));
  assert.ok(await isFocused(), "focus stays on the button");
  await done(run);
});

test("an empty result suggests clearing filters, and Clear filters restores every claim", async () => {
  const run = await open("#myths");
  const { page } = run;
  const total = await settledCount(page);
  await page.locator(`${PANEL} [data-filter-topic="cost"]`).click();
  await page.getByLabel("Search the claims").fill("insomnia");
  const empty = page.locator(`${PANEL} [data-empty]`);
  await empty.waitFor();
  assert.equal(await settledCount(page), 0);
  assert.match(await empty.innerText(), /clear the filters/i);
  assert.match(await page.locator(`${PANEL} [aria-live=polite]`).innerText(), /no claims/i);
  await screenshot(page, "myths-empty");
  await empty.locator("[data-action=clear]").click();
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length > 0, ARTICLES);
  assert.equal(await settledCount(page), total);
  assert.equal(await page.getByLabel("Search the claims").inputValue(), "");
  assert.equal(await page.locator(`${PANEL} [aria-pressed="true"]`).count(), 0);
  await done(run);
});

test("the routes table is an accessible table reachable from the explorer and by link", async () => {
  const run = await open("#myths");
  const { page } = run;
  await page.locator(`${PANEL} [data-action=routes]`).click();
  await page.waitForFunction(() => location.hash === "#myths/routes");
  const table = page.locator(`${PANEL} table`);
  await table.waitFor();
  assert.ok((await table.locator("caption").innerText()).length > 0);
  assert.equal(await table.locator("th[scope=col]").count(), 7);
  assert.equal(await table.locator("th[scope=row]").count(), 4);
  assert.equal(await page.locator(ARTICLES).count(), 0);
  await screenshot(page, "myths-routes");
  await page.locator(`${PANEL} [data-action=back]`).click();
  await page.locator(ARTICLES).first().waitFor();
  assert.equal(new URL(page.url()).hash, "#myths");

  await page.goto(`${env.server.url}#myths/routes`);
  await page.reload();
  await waitReady(page);
  await table.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains("kg-routes-title")), true);
  await done(run);
});

test("readable at 320 px wide without sideways scrolling of the page", async () => {
  const run = await open("#myths/never-causes-insomnia", { viewport: { width: 320, height: 800 } });
  const { page } = run;
  await page.locator(`${PANEL} article[data-open="true"]`).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  await page.screenshot({ path: join(ARTIFACTS, "myths-320.png") });
  await done(run);
});
