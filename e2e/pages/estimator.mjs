// The cost estimator's page object: how to open it, what it estimates (read from its data-
// attributes, in cents) and how a refused entry must look. Shared by the estimator's journeys.
import assert from "node:assert/strict";
import { openApp } from "../setup.mjs";

/** Opens `url` (the estimator's place) in `context` and waits for its estimate. */
export async function openEstimator(context, url) {
  const run = await openApp(context, url);
  await run.page.locator("[data-estimate]").waitFor();
  return run;
}

/** The estimate's low, typical and high totals in cents. */
export async function estimate(page) {
  const el = page.locator("[data-estimate]");
  assert.equal(await el.count(), 1, "exactly one element carries data-estimate");
  const get = async (k) => Number(await el.getAttribute(`data-${k}-cents`));
  return { low: await get("low"), typical: await get("typical"), high: await get("high") };
}

/** One route's row of the comparison chart's table, in cents. */
export async function chartRow(page, route) {
  const row = page.locator(`[data-compare-table] tr[data-route="${route}"]`);
  const get = async (k) => Number(await row.getAttribute(`data-${k}-cents`));
  return { low: await get("low"), typical: await get("typical"), high: await get("high") };
}

/** No broken number anywhere in the estimator's text or its estimate. */
export async function expectNoNaN(page) {
  const text = await page.locator(".kg-cost").innerText();
  assert.ok(!/NaN|Infinity|∞|undefined/.test(text), "no NaN, Infinity or undefined in the page text");
  const attrs = await page.locator("[data-estimate]").evaluate((el) =>
    ["low", "typical", "high"].map((k) => el.dataset[`${k}Cents`]),
  );
  for (const a of attrs) assert.match(a, /^\d+$/, `estimate attribute is a whole number: ${a}`);
}

/** Types into a field and checks its inline message is tied to it and the estimate is kept. */
export async function expectRefused(page, selector, text, pattern) {
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

