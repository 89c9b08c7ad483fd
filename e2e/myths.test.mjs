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
  // The empty state alone: a full-page capture resizes the viewport, and the explorer's
  // keep-the-results-in-view scroll that follows would move the button under the click.
  await shot(empty, "myths-empty");
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

// ---- search that forgives, results under the box (issue 16) ----------------------------------

const ADDICTION = `${PANEL} article[data-claim-id="clinic-ketamine-is-addictive"]`;

/** Where the search box, the count and the first result are, on screen. */
function layout(page) {
  return page.evaluate((panel) => {
    const box = (el) => el && (({ top, bottom }) => ({ top, bottom }))(el.getBoundingClientRect());
    const p = document.querySelector(panel);
    const v = window.visualViewport;
    return {
      top: v ? v.offsetTop : 0,
      bottom: v ? v.offsetTop + v.height : innerHeight,
      search: box(p.querySelector("input[type=search]")),
      count: box(p.querySelector("[aria-live=polite]")),
      first: box(p.querySelector("article[data-claim-id] h3, [data-empty] h3")),
    };
  }, PANEL);
}

for (const [name, viewport, colorScheme] of [
  ["phone", { width: 390, height: 844 }, "light"],
  ["phone-dark", { width: 390, height: 844 }, "dark"],
  ["phone-keyboard-up", { width: 390, height: 420 }, "light"],
]) {
  test(`on a phone the count and the first result sit right under the search box (${name})`, async () => {
    const run = await open("#myths", { viewport, isMobile: true, hasTouch: true, colorScheme });
    const { page } = run;
    const search = page.getByLabel("Search the claims");
    await search.focus();
    await page.keyboard.type("addictive", { delay: 20 });
    await page.locator(ADDICTION).waitFor();
    await settledCount(page);
    const l = await layout(page);
    for (const part of ["search", "count", "first"]) {
      assert.ok(l[part].top >= l.top - 0.5 && l[part].bottom <= l.bottom + 0.5, `${part} on screen: ${JSON.stringify(l)}`);
    }
    assert.ok(l.first.top > l.search.bottom, "the first result is under the box");
    // The chips are folded behind "Filters" here, so nothing sits between box and results.
    const toggle = page.locator(`${PANEL} button[data-action="filters"]`);
    assert.equal(await toggle.getAttribute("aria-expanded"), "false");
    assert.equal(await page.locator(`${PANEL} [data-filter-topic]`).first().isVisible(), false);
    await page.screenshot({ path: join(ARTIFACTS, `myths-search-${name}.png`) });
    if (name !== "phone-keyboard-up") {
      await toggle.click();
      assert.equal(await toggle.getAttribute("aria-expanded"), "true");
      await page.locator(`${PANEL} [data-filter-topic="misuse"]`).click();
      assert.match(await toggle.innerText(), /Filters \(1 on\)/);
      await page.screenshot({ path: join(ARTIFACTS, `myths-filters-open-${name}.png`) });
    }
    await done(run);
  });
}

test("at 200 % zoom the first claim's button is four Tab stops after the search box, not fourteen", async () => {
  const run = await open("#myths", { viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 });
  const { page } = run;
  await page.getByLabel("Search the claims").focus();
  const first = page.locator(ARTICLES).first().locator("button[aria-expanded]");
  let stops = 0;
  while (!(await first.evaluate((el) => el === document.activeElement)) && stops < 20) {
    await page.keyboard.press("Tab");
    stops++;
  }
  // The box's clear button (none until something is typed), "Filters", then the first card.
  assert.ok(stops <= 4, `${stops} Tab stops from the search box to the first claim`);
  await page.screenshot({ path: join(ARTIFACTS, "myths-zoom-200-first-claim.png") });
  await done(run);
});

test("search forgives: other words and forms find the addiction claim, and nothing found suggests a topic", async () => {
  const run = await open("#myths");
  const { page } = run;
  const search = page.getByLabel("Search the claims");
  for (const text of ["abuse", "can I get hooked", "habit forming", "habit-forming", "addictive"]) {
    await search.fill(text);
    await page.locator(ADDICTION).waitFor();
    assert.equal(await page.locator(ADDICTION).count(), 1, text);
  }
  // A typing slip finds nothing, and the closest topic is offered.
  await search.fill("insomia");
  const suggest = page.locator(`${PANEL} [data-suggest="sleep"]`);
  await suggest.waitFor();
  assert.match(await suggest.innerText(), /The closest topic to your search is “Sleep”\./);
  await page.screenshot({ path: join(ARTIFACTS, "myths-suggest-topic.png") });
  await suggest.locator("button[data-action=suggest]").click();
  await page.locator(ARTICLES).first().waitFor();
  for (const topics of await topicsOf(page)) assert.ok(topics.includes("sleep"), `${topics}`);
  assert.equal(await search.inputValue(), "");
  assert.equal(await page.locator(`${PANEL} [data-filter-topic="sleep"]`).getAttribute("aria-pressed"), "true");
  assert.equal(await page.evaluate(() => document.activeElement.type), "search", "focus back on the search box");
  await search.fill("dependance");
  await page.locator(`${PANEL} [data-suggest="misuse"]`).waitFor();
  await done(run);
});

test("chips are named without their glyphs; citations carry no lang in English", async () => {
  const run = await open("#myths");
  const { page } = run;
  await page.locator(`${PANEL} [data-filter-topic="sleep"]`).click();
  assert.equal(await page.locator(`${PANEL} [data-filter-topic="sleep"] [aria-hidden="true"]`).innerText(), "✓");
  const names = await page.locator(`${PANEL} .kg-chip`).evaluateAll((els) =>
    els.map((e) => [...e.childNodes].filter((n) => !(n.nodeType === 1 && n.getAttribute("aria-hidden") === "true")).map((n) => n.textContent).join("").trim()),
  );
  for (const n of names) assert.match(n, /^[^✓✗≈]+ \(\d+\)$/, n);
  assert.equal(await page.getByRole("button", { name: /^Sleep \(\d+\)$/ }).count(), 1);
  await page.locator(ARTICLES).first().locator("button[aria-expanded]").click();
  assert.equal(await page.locator(`${PANEL} .kg-sources ul[lang]`).count(), 0);
  await done(run);
});

test("the routes table says it scrolls sideways exactly when it does", async () => {
  for (const [name, options] of [
    ["phone", { viewport: { width: 390, height: 844 }, isMobile: true }],
    ["desktop", { viewport: { width: 1280, height: 800 } }],
    ["wide-column", { viewport: { width: 1280, height: 800 } }],
  ]) {
    const run = await open("#myths", options);
    const { page } = run;
    if (name === "wide-column") {
      // A wider column than the standalone page's: the table fits.
      await page.addStyleTag({ content: ".kg-app { max-width: 70em !important; }" });
    }
    await page.locator(`${PANEL} [data-action=routes]`).click();
    await page.locator(`${PANEL} table`).waitFor();
    const scrolls = await page.locator(`${PANEL} .kg-table-scroll`).evaluate((el) => el.scrollWidth > el.clientWidth);
    const hint = page.locator(`${PANEL} .kg-table-hint`);
    assert.equal(await hint.isVisible(), scrolls, `${name}: hint shown ${await hint.isVisible()}, table scrolls ${scrolls}`);
    if (name === "phone") {
      assert.equal(scrolls, true);
      await hint.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(ARTIFACTS, "myths-routes-phone.png") });
    }
    if (name === "wide-column") assert.equal(scrolls, false);
    await done(run);
  }
});
