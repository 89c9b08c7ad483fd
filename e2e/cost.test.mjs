// The cost estimator over the release build: route, sessions and price edits change the
// estimate and the chart by exact cents; bad input shows an inline message and keeps the last
// estimate; reload keeps the plan; nothing leaves the origin; light, dark and 320 px views.
import { test } from "node:test";
import assert from "node:assert/strict";
import { recordRequests, foreignRequests, waitReady, screenshot } from "./helpers.mjs";
import { useBrowserAndServer } from "./setup.mjs";

const env = useBrowserAndServer();

// Defaults from the price book: IV $400–$800 (typical = midpoint $600), oral $75–$300.
const IV = { low: 40000, high: 80000 };
const ORAL = { low: 7500, high: 30000 };
const mid = (r) => Math.floor(r.low / 2) + Math.floor(r.high / 2) + Math.floor(((r.low % 2) + (r.high % 2)) / 2);
const totals = (r, n) => ({ low: r.low * n, typical: mid(r) * n, high: r.high * n });

async function open(context, url = env.server.url + "#cost") {
  const log = recordRequests(context);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  await page.goto(url);
  await waitReady(page, log);
  await page.locator("[data-estimate]").waitFor();
  return { page, log, errors };
}

async function estimate(page) {
  const el = page.locator("[data-estimate]");
  assert.equal(await el.count(), 1, "exactly one element carries data-estimate");
  const get = async (k) => Number(await el.getAttribute(`data-${k}-cents`));
  return { low: await get("low"), typical: await get("typical"), high: await get("high") };
}

async function chartRow(page, route) {
  const row = page.locator(`[data-compare-table] tr[data-route="${route}"]`);
  const get = async (k) => Number(await row.getAttribute(`data-${k}-cents`));
  return { low: await get("low"), typical: await get("typical"), high: await get("high") };
}

async function expectNoNaN(page) {
  const text = await page.locator(".kg-cost").innerText();
  assert.ok(!/NaN|Infinity|∞|undefined/.test(text), "no NaN, Infinity or undefined in the page text");
  const attrs = await page.locator("[data-estimate]").evaluate((el) =>
    ["low", "typical", "high"].map((k) => el.dataset[`${k}Cents`]),
  );
  for (const a of attrs) assert.match(a, /^\d+$/, `estimate attribute is a whole number: ${a}`);
}

/** Types into a field and checks its inline message is tied to it and the estimate is kept. */
async function expectRefused(page, selector, text, pattern) {
  const before = await estimate(page);
  const input = page.locator(selector);
  await input.fill(text);
  const id = await input.getAttribute("id");
  await page.locator(`#${id}-error`).waitFor();
  assert.equal(await input.getAttribute("aria-invalid"), "true", `${text}: aria-invalid`);
  const described = (await input.getAttribute("aria-describedby")).split(" ");
  assert.ok(described.includes(`${id}-error`), `${text}: message tied with aria-describedby`);
  const message = await page.locator(`#${id}-error`).innerText();
  assert.match(message, pattern, `${text}: message says what to do`);
  assert.deepEqual(await estimate(page), before, `${text}: last valid estimate stays`);
  await page.locator("[data-stale]").waitFor();
  await expectNoNaN(page);
}

test("route, sessions and a price change the estimate and the chart by exact cents", async () => {
  const context = await env.browser.newContext();
  const { page, log, errors } = await open(context);
  await page.locator("#kg-cost-route-iv").check();
  assert.deepEqual(await estimate(page), totals(IV, 6), "IV, 6 sessions at defaults");
  assert.deepEqual(await estimate(page), { low: 240000, typical: 360000, high: 480000 });
  assert.deepEqual(await chartRow(page, "iv"), totals(IV, 6));
  assert.deepEqual(await chartRow(page, "oral"), totals(ORAL, 6));

  await page.locator("#kg-cost-route-oral").check();
  assert.deepEqual(await estimate(page), { low: 45000, typical: mid(ORAL) * 6, high: 180000 }, "oral, 6 at defaults");

  await page.locator("#kg-cost-induction_sessions").fill("8");
  assert.deepEqual(await estimate(page), totals(ORAL, 8));
  assert.deepEqual(await chartRow(page, "oral"), totals(ORAL, 8), "chart table follows");
  const svgBar = page.locator('svg g[data-route="oral"] .kg-cost-bar-range');
  const maxBefore = Number(await page.locator("svg[data-chart-max]").getAttribute("data-chart-max"));

  await page.locator("#kg-cost-price-oral-session-high").fill("250");
  assert.deepEqual(await estimate(page), { low: 7500 * 8, typical: mid(ORAL) * 8, high: 25000 * 8 });
  assert.equal((await chartRow(page, "oral")).high, 200000);
  // The chart's scale is the largest high total; the oral bar's width is its share of it.
  const max = Number(await page.locator("svg[data-chart-max]").getAttribute("data-chart-max"));
  assert.equal(max, maxBefore, "IV's high still sets the scale");
  const width = Number(await svgBar.getAttribute("data-width"));
  assert.equal(width, Math.floor((200000 * 10000) / max) - Math.floor((60000 * 10000) / max));

  // The calculation shows the arithmetic with Intl-formatted money.
  await page.getByRole("button", { name: "How we calculated this" }).click();
  const lines = await page.locator('.kg-cost-calc-level[data-level="high"] li').allInnerTexts();
  assert.ok(lines.some((l) => l.includes("8 sessions × $250 = $2,000")), lines.join("\n"));

  await page.locator("#kg-cost-route-iv").check();
  assert.deepEqual(await estimate(page), totals(IV, 8), "typed sessions are kept across routes");
  await screenshot(page, "cost-light");

  // The link to the routes table opens the myths section at the routes item.
  await page.locator("[data-routes-link]").click();
  await page.waitForFunction(() => location.hash === "#myths/routes");

  assert.deepEqual(errors, []);
  assert.deepEqual(foreignRequests(log, [env.server.origin]), [], "no request leaves the origin");
  await context.close();
});

test("invalid input shows an inline message and keeps the last estimate, never NaN", async () => {
  const context = await env.browser.newContext();
  const { page, errors } = await open(context);
  await page.locator("#kg-cost-route-iv").check();
  const sessions = "#kg-cost-induction_sessions";
  await expectRefused(page, sessions, "", /Enter a number/);
  await expectRefused(page, sessions, "-3", /0 or more/);
  await expectRefused(page, sessions, "1e309", /digits only|Enter a number/);
  await expectRefused(page, "#kg-cost-price-iv-session-low", "225.505", /2 digits after the decimal point/);
  await expectRefused(page, "#kg-cost-price-iv-session-low", "900", /in order/);
  await page.locator(sessions).fill("6");
  await page.locator("#kg-cost-price-iv-session-low").fill("400");
  assert.deepEqual(await estimate(page), totals(IV, 6));
  assert.equal(await page.locator("[data-stale]").count(), 0, "no stale notice once fixed");

  await page.locator("#kg-cost-coverage-percent").check();
  await expectRefused(page, "#kg-cost-covered_percent", "150", /from 0 to 100/);
  await expectRefused(page, "#kg-cost-deductible_left", "abc", /digits only/);
  await expectRefused(page, "#kg-cost-deductible_left", "9".repeat(400), /no larger than/);
  await screenshot(page, "cost-invalid");
  assert.deepEqual(errors, []);
  await context.close();
});

test("prices are checked as one set: typed back into order in any order, they are used at once and kept on reload", async () => {
  const context = await env.browser.newContext();
  const { page, errors } = await open(context);
  await page.locator("#kg-cost-route-im").check();
  const [low, typical, high] = ["low", "typical", "high"].map((l) => page.locator(`#kg-cost-price-im-session-${l}`));
  const flagged = async () => {
    const out = [];
    for (const [name, f] of [["low", low], ["typical", typical], ["high", high]]) {
      if ((await f.getAttribute("aria-invalid")) === "true") out.push(name);
    }
    return out;
  };
  const times6 = (l, t, h) => ({ low: l * 600, typical: t * 600, high: h * 600 });

  // Highest 500 is below the typical $537.50: refused, then typical 400 and lowest 300 fix it.
  await high.fill("500");
  assert.deepEqual(await flagged(), ["high"]);
  await page.locator("[data-stale]").waitFor();
  await typical.fill("400");
  await low.fill("300");
  assert.deepEqual(await flagged(), [], "the set is in order: no field is flagged");
  assert.equal(await page.locator("[data-stale]").count(), 0, "no stale notice");
  assert.equal(await page.locator(".kg-cost-error").count(), 0, "no inline message");
  assert.deepEqual(await estimate(page), times6(300, 400, 500), "the typed prices are used");

  // Lowest 900, then typical and highest typed digit by digit: nothing half-typed is used.
  await low.fill("900");
  for (const v of ["1", "10", "100", "1000"]) await typical.fill(v);
  for (const v of ["1", "12", "120"]) await high.fill(v);
  assert.deepEqual(await estimate(page), times6(300, 400, 500), "the last set in order stays in use");
  assert.ok((await flagged()).length > 0);
  await high.fill("1200");
  assert.deepEqual(await flagged(), []);
  assert.equal(await page.locator("[data-stale]").count(), 0);
  assert.deepEqual(await estimate(page), times6(900, 1000, 1200));

  // A set out of order is a draft: kept across a reload, still flagged, the estimate unchanged.
  await low.fill("1300");
  assert.deepEqual(await flagged(), ["low"]);
  await page.reload();
  await waitReady(page);
  await page.locator("[data-estimate]").waitFor();
  assert.equal(await low.inputValue(), "1300");
  assert.deepEqual(await flagged(), ["low"]);
  assert.deepEqual(await estimate(page), times6(900, 1000, 1200));
  await typical.fill("1350");
  await high.fill("1400");
  assert.deepEqual(await flagged(), []);
  assert.deepEqual(await estimate(page), times6(1300, 1350, 1400));
  assert.deepEqual(errors, []);
  await context.close();
});

test("the calculation says 1 session and 1 month; notes belong to their route; a note for every level is said once", async () => {
  const context = await env.browser.newContext();
  const { page, errors } = await open(context);
  await page.locator("#kg-cost-route-iv").check();
  assert.equal(await page.locator('[data-note="iv_price_reports"]').count(), 1, "IV shows the IV price reports");
  await page.locator("#kg-cost-route-im").check();
  assert.equal(await page.locator('[data-note="iv_price_reports"]').count(), 0, "IM does not");

  await page.locator("#kg-cost-induction_sessions").fill("1");
  await page.getByRole("button", { name: "How we calculated this" }).click();
  const lines = (await page.locator('.kg-cost-calc-level[data-level="low"] li').allInnerTexts()).join("\n");
  assert.ok(lines.includes("First course: 1 session × $275 = $275"), lines);
  assert.ok(lines.includes("$275 over 1 month = about $275 a month"), lines);
  assert.doesNotMatch(lines, /\b1 (sessions|months)\b/, lines);

  // The savings programme ticked for esketamine, then IV: "not counted" once, not per level.
  await page.locator("#kg-cost-route-esketamine").check();
  await page.locator("#kg-cost-coverage-percent").check();
  await page.locator("#kg-cost-savings-on").check();
  await page.locator("#kg-cost-route-iv").check();
  assert.equal(await page.locator('#kg-cost-calc [data-calc="savings_not_applied"]').count(), 1);
  assert.match(await page.locator('#kg-cost-calc [data-calc="savings_not_applied"]').innerText(), /Savings program not counted/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("reload keeps the plan and the typed texts", async () => {
  const context = await env.browser.newContext();
  const { page } = await open(context);
  await page.locator("#kg-cost-route-oral").check();
  await page.locator("#kg-cost-induction_sessions").fill("9");
  await page.locator("#kg-cost-maintenance_enabled-on").check();
  await page.locator("#kg-cost-boosters_per_month").fill("2");
  const kept = await estimate(page);
  await page.reload();
  await waitReady(page);
  await page.locator("[data-estimate]").waitFor();
  assert.equal(await page.locator("#kg-cost-route-oral").isChecked(), true);
  assert.equal(await page.locator("#kg-cost-induction_sessions").inputValue(), "9");
  assert.equal(await page.locator("#kg-cost-boosters_per_month").inputValue(), "2");
  assert.deepEqual(await estimate(page), kept);
  // Oral: 9 + 2 × 6 boosters = 21 treatments.
  assert.deepEqual(kept, totals(ORAL, 21));

  // A stored plan that cannot be read is dropped with a notice.
  await page.evaluate(() => {
    for (const k of Object.keys(sessionStorage)) if (k.endsWith(":cost")) sessionStorage.setItem(k, '{"v":1,"data":{}}');
  });
  await page.reload();
  await waitReady(page);
  await page.locator(".kg-cost-notice[role=status]").first().waitFor();
  assert.deepEqual(await estimate(page), totals(IV, 6), "back to the defaults");
  await context.close();
});

test("dark theme and a 320 px screen stay readable", async () => {
  const dark = await env.browser.newContext({ colorScheme: "dark" });
  const { page } = await open(dark);
  await page.locator("#kg-cost-route-esketamine").check();
  await page.locator("#kg-cost-maintenance_enabled-on").check();
  await page.locator("#kg-cost-coverage-copay").check();
  await screenshot(page, "cost-dark");
  await dark.close();

  const narrow = await env.browser.newContext({ viewport: { width: 320, height: 800 } });
  const { page: small } = await open(narrow);
  const overflow = await small.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no sideways scrolling at 320 px (overflow ${overflow}px)`);
  await screenshot(small, "cost-320");
  await narrow.close();
});
