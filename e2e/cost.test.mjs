// The cost estimator over the release build: route, sessions and price edits change the
// estimate and the chart by exact cents; bad input shows an inline message and keeps the last
// estimate; reload keeps the plan; nothing leaves the origin; light, dark and 320 px views.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { foreignRequests, waitReady, screenshot, serveDist, clinicPage, ARTIFACTS } from "./helpers.mjs";
import { useBrowserAndServer } from "./setup.mjs";
import { openEstimator, estimate, chartRow, expectNoNaN, expectRefused } from "./pages/estimator.mjs";
import { startServer } from "../tools/serve.mjs";

const env = useBrowserAndServer();

// Defaults from the price book: IV $400–$800 (typical = midpoint $600), oral $75–$300.
const IV = { low: 40000, high: 80000 };
const ORAL = { low: 7500, high: 30000 };
const mid = (r) => Math.floor(r.low / 2) + Math.floor(r.high / 2) + Math.floor(((r.low % 2) + (r.high % 2)) / 2);
const totals = (r, n) => ({ low: r.low * n, typical: mid(r) * n, high: r.high * n });

const open = (context, url = env.server.url + "#cost") => openEstimator(context, url);

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

// ---- the estimate in view, fair comparisons, honest figures (issue 16) ----------------------

const VIEWS = [
  { name: "phone", options: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } },
  { name: "zoom-200", options: { viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 } },
  { name: "desktop", options: { viewport: { width: 1280, height: 800 } } },
];
// Esketamine at defaults: 12 doses of 2 devices ($300–$400) plus a $100–$300 observation fee.
// 2 devices at $295 (2019 list price) plus an observation fee of $100, $200 or $300.
const ESKETAMINE = { low: 12 * 69000, typical: 12 * 79000, high: 12 * 89000 };

/** Where the estimate, the "Your estimate" box and the focused element are on screen. */
function geometry(page) {
  return page.evaluate(() => {
    const box = (el) => {
      const b = el.getBoundingClientRect();
      return { top: b.top, bottom: b.bottom, left: b.left, right: b.right };
    };
    const active = document.activeElement;
    const inForm = !!active?.closest(".kg-cost-form");
    return {
      vh: innerHeight,
      vw: innerWidth,
      estimate: box(document.querySelector("[data-estimate]")),
      summary: box(document.querySelector("[data-summary]")),
      active: inForm ? { ...box(active), what: active.id || active.outerHTML.slice(0, 60) } : null,
    };
  });
}
const inside = (b, g) => b.top >= -0.5 && b.bottom <= g.vh + 0.5 && b.left >= -0.5 && b.right <= g.vw + 0.5;
const overlap = (a, b) => !(a.bottom <= b.top + 0.5 || a.top >= b.bottom - 0.5 || a.right <= b.left + 0.5 || a.left >= b.right - 0.5);

function expectInView(g, what) {
  assert.ok(inside(g.estimate, g), `${what}: the estimate is on screen (${JSON.stringify(g.estimate)}, ${g.vw}×${g.vh})`);
  if (g.active) {
    assert.ok(inside(g.active, g), `${what}: the focused field ${g.active.what} is on screen (${JSON.stringify(g.active)})`);
    assert.ok(!overlap(g.active, g.summary), `${what}: the estimate does not cover the focused field ${g.active.what}`);
  }
}

for (const view of VIEWS) {
  test(`the estimate stays in view while the route changes and fields take focus (${view.name})`, async () => {
    for (const colorScheme of ["light", "dark"]) {
      const context = await env.browser.newContext({ ...view.options, colorScheme });
      const { page, errors } = await open(context);
      // A person reaches the route choice and moves through it with the arrow keys.
      await page.locator("#kg-cost-route-iv").focus();
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowDown");
      assert.equal(await page.locator("#kg-cost-route-esketamine").isChecked(), true);
      assert.deepEqual(await estimate(page), ESKETAMINE);
      expectInView(await geometry(page), "after choosing esketamine");
      if (colorScheme === "light") {
        // On through the form with Tab: every field lands clear of the estimate, which stays put.
        for (let i = 0; i < 14; i++) {
          await page.keyboard.press("Tab");
          const g = await geometry(page);
          if (!g.active) break;
          expectInView(g, `Tab ${i + 1}`);
          if (g.active.what === "kg-cost-induction_sessions") {
            await page.keyboard.press("Control+A");
            await page.keyboard.type("8");
            assert.equal((await estimate(page)).low, 8 * 69000);
            expectInView(await geometry(page), "after typing 8 sessions");
          }
        }
      }
      await page.locator("#kg-cost-route-esketamine").focus();
      await page.screenshot({ path: join(ARTIFACTS, `cost-in-view-${view.name}-${colorScheme}.png`) });
      assert.deepEqual(errors, []);
      await context.close();
    }
  });
}

test("the headline shows the first course and the first 12 months with boosters, in whole dollars; per month follows the sessions", async () => {
  const context = await env.browser.newContext();
  const { page, errors } = await open(context);
  await page.locator("#kg-cost-route-iv").check();
  const summary = page.locator("[data-summary]");
  assert.match(await page.locator("[data-estimate]").innerText(), /Your first course:?\s*\$2,400 to \$4,800, typically \$3,600/);
  // IV: 6 sessions, then 1 booster a month for the other 11 months: 17 sessions.
  const year = page.locator("[data-first-year]");
  assert.match(await year.innerText(), /First 12 months, with boosters \(1 a month\)/);
  assert.deepEqual(
    await year.evaluate((el) => ["low", "typical", "high"].map((k) => Number(el.dataset[`${k}Cents`]))),
    [IV.low * 17, mid(IV) * 17, IV.high * 17],
  );
  // IM: 7 sessions at $537.50 is $3,762.50: shown as $3,763, kept exact in the hook.
  await page.locator("#kg-cost-route-im").check();
  await page.locator("#kg-cost-induction_sessions").fill("7");
  assert.equal((await estimate(page)).typical, 376250);
  assert.match(await summary.innerText(), /typically \$3,763/);
  assert.doesNotMatch(await summary.innerText(), /\$[\d,]+\.\d\d/, "no cents in the headline");
  // 100 IV sessions run about 17 months: never "$60,000 a month".
  await page.locator("#kg-cost-route-iv").check();
  await page.locator("#kg-cost-induction_sessions").fill("100");
  assert.match(await page.locator("[data-per-month]").innerText(), /about \$3,529 a month, over 17 months/);
  assert.doesNotMatch(await page.locator(".kg-cost").innerText(), /\$60,000[^\n]*a month/);
  // Boosters on: the label says what the total covers.
  await page.locator("#kg-cost-induction_sessions").fill("6");
  await page.locator("#kg-cost-maintenance_enabled-on").check();
  assert.match(await page.locator("[data-estimate]").innerText(), /Your first course and 6 months of boosters/);
  assert.deepEqual(await estimate(page), totals(IV, 12));
  await page.screenshot({ path: join(ARTIFACTS, "cost-headline-boosters.png") });
  assert.deepEqual(errors, []);
  await context.close();
});

test("insurance counts only for the treatments it covers, and the comparison says which figures include it", async () => {
  const context = await env.browser.newContext();
  const { page, errors } = await open(context);
  await page.locator("#kg-cost-route-esketamine").check();
  await page.locator("#kg-cost-coverage-percent").check();
  // 80 % covered: you pay 20 % of each $690–$890 dose (2 devices at $295, and the fee).
  assert.equal((await estimate(page)).low, 12 * 13800);
  const row = (r) => page.locator(`[data-compare-table] tr[data-route="${r}"]`);
  assert.equal(await row("esketamine").getAttribute("data-insured"), "true");
  assert.equal(Number(await row("esketamine").getAttribute("data-typical-cents")), (await estimate(page)).typical);
  for (const r of ["iv", "im", "oral"]) assert.equal(await row(r).getAttribute("data-insured"), "false", r);
  assert.deepEqual(await chartRow(page, "iv"), totals(IV, 6), "IV at full price: the insurance was entered for esketamine");
  const note = page.locator("[data-coverage-note]");
  assert.match(await note.innerText(), /counted only for: Esketamine nasal spray \(Spravato\)\. The other figures are full prices/);
  assert.match(await row("iv").innerText(), /Not counted/);
  assert.match(await page.locator('svg g[data-route="esketamine"]').textContent(), /with your insurance/);
  await page.locator("[data-group=covers]").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, "cost-coverage-chosen-route.png") });

  // Ticked for IV too: the IV row includes it, and so does an IV estimate.
  assert.equal(await page.locator("#kg-cost-covers-esketamine").isChecked(), true);
  assert.equal(await page.locator("#kg-cost-covers-iv").isChecked(), false);
  await page.locator("#kg-cost-covers-iv").check();
  assert.equal(await row("iv").getAttribute("data-insured"), "true");
  assert.equal(Number(await row("iv").getAttribute("data-low-cents")), 6 * 8000);
  await page.locator("#kg-cost-route-iv").check();
  assert.equal((await estimate(page)).low, 6 * 8000);
  // Unticked for the route estimated: full price, said in the comparison.
  await page.locator("#kg-cost-covers-iv").uncheck();
  assert.deepEqual(await estimate(page), totals(IV, 6));
  await note.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, "cost-coverage-compare.png") });
  assert.deepEqual(errors, []);
  await context.close();
});

test("the insurer is a set of radio buttons whose labels are never cut off on a phone", async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const { page } = await open(context);
  await page.locator("#kg-cost-coverage-percent").check();
  const radios = page.locator('input[name="kg-cost-insurer"]');
  assert.equal(await radios.count(), 5);
  const label = page.locator('label[for="kg-cost-insurer-commercial"]');
  assert.equal(await label.innerText(), "Through work or bought myself (commercial)");
  const cut = await label.evaluate((el) => el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > innerWidth);
  assert.equal(cut, false);
  await page.locator('label[for="kg-cost-insurer-medicare"]').click();
  assert.equal(await page.locator("#kg-cost-insurer-medicare").isChecked(), true);
  await page.locator("[data-group=insurer]").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, "cost-insurer-phone.png") });
  await context.close();
});

test("a share typed as 0.8 is questioned at the field; a refused value names the figure still in use", async () => {
  const context = await env.browser.newContext();
  const { page } = await open(context);
  await page.locator("#kg-cost-coverage-percent").check();
  const share = page.locator("#kg-cost-covered_percent");
  await share.fill("0.8");
  const check = page.locator("#kg-cost-covered_percent-check");
  assert.match(await check.innerText(), /You typed 0\.8, which is less than 1%\. If you meant 80%, type 80\./);
  assert.ok((await share.getAttribute("aria-describedby")).split(" ").includes("kg-cost-covered_percent-check"));
  assert.notEqual(await share.getAttribute("aria-invalid"), "true", "a question, not an error");
  await share.fill("80");
  assert.equal(await check.count(), 0);

  // Typed digit by digit: 15 was in use when 150 was refused, and the note says so.
  const sessions = page.locator("#kg-cost-induction_sessions");
  for (const v of ["1", "15", "150"]) await sessions.fill(v);
  const stale = page.locator("[data-stale]");
  assert.match(await stale.innerText(), /Sessions in the first course: 15/);
  assert.equal((await estimate(page)).low, 15 * 8000, "15 sessions at 20 % of $400");
  await page.screenshot({ path: join(ARTIFACTS, "cost-stale-names-value.png") });
  await context.close();
});

test("the live estimate is one polite, atomic announcement that waits for a pause in typing", async () => {
  const context = await env.browser.newContext();
  const { page } = await open(context);
  await page.locator("#kg-cost-route-iv").check();
  const live = page.locator("[data-summary] [aria-live]");
  assert.equal(await live.count(), 1, "one live region in the estimate");
  assert.equal(await live.getAttribute("aria-live"), "polite");
  assert.equal(await live.getAttribute("aria-atomic"), "true");
  await page.waitForFunction(() => document.querySelector("[data-announce]").textContent.includes("typically $3,600"));
  assert.match(await live.textContent(), /^Your first course: \$2,400 to \$4,800, typically \$3,600\. First 12 months/);
  // Count what a screen reader would hear while six values are typed one after another.
  await page.evaluate(() => {
    window.__kgSaid = [];
    new MutationObserver(() => window.__kgSaid.push(document.querySelector("[data-announce]").textContent)).observe(
      document.querySelector("[data-announce]"),
      { childList: true, characterData: true, subtree: true },
    );
  });
  const sessions = page.locator("#kg-cost-induction_sessions");
  for (const v of ["7", "8", "9", "10", "11", "12"]) await sessions.fill(v);
  await page.waitForFunction(() => document.querySelector("[data-announce]").textContent.includes("$4,800 to $9,600"));
  const said = await page.evaluate(() => window.__kgSaid);
  assert.ok(said.length >= 1 && said.length <= 2, `announced ${said.length} times for 6 edits: ${said.join(" | ")}`);
  assert.match(said.at(-1), /^Your first course: \$4,800 to \$9,600, typically \$7,200\./);
  await context.close();
});

test("one landmark, 'Your estimate'; no orphan heading; the link names what it opens; clear of chips' glyphs", async () => {
  const context = await env.browser.newContext();
  const { page } = await open(context);
  await page.locator("#kg-cost-route-iv").check();
  const panel = page.locator('[role=tabpanel][data-section="cost"]');
  assert.equal(await panel.getByRole("region").count(), 1);
  assert.equal(await panel.getByRole("region", { name: "Your estimate" }).count(), 1);
  assert.equal(await panel.getByRole("complementary").count(), 0);
  // The savings programme is for esketamine: not mentioned on IV, a plain sentence when it cannot apply.
  assert.equal(await panel.locator('[data-group="savings"]').count(), 0);
  assert.equal(await panel.getByRole("heading", { name: /savings program/i }).count(), 0);
  await page.locator("#kg-cost-route-esketamine").check();
  assert.match(await panel.locator("[data-savings-why-not]").innerText(), /^Use the esketamine savings program: The savings program needs commercial insurance/);
  assert.equal(await panel.getByRole("heading", { name: /savings program/i }).count(), 0);
  assert.equal(await page.locator("[data-routes-link]").innerText(), "How the routes differ: speed, supervision and more");
  await context.close();
});

test("a clinic's prices are labelled as the clinic's only on the routes it priced", async () => {
  const assets = await serveDist({ cors: true });
  const body = `<ketamine-guide sections="cost" prices='{"iv": {"low": 400, "high": 600}}'></ketamine-guide>`;
  const host = await startServer({ dir: "/nonexistent", pages: { "/clinic.html": clinicPage(assets.url, body) } });
  // The host page has no viewport meta tag: a phone-sized window, not phone emulation.
  for (const [size, viewport] of [["phone", { width: 390, height: 844 }], ["desktop", { width: 1280, height: 800 }]]) {
    for (const colorScheme of ["light", "dark"]) {
      const context = await env.browser.newContext({ colorScheme, viewport });
      const page = await context.newPage();
      await page.goto(`${host.origin}/clinic.html`);
      const guide = page.locator("ketamine-guide");
      await guide.locator('.kg-app[data-ready="true"]').waitFor({ timeout: 20000 });
      await guide.locator("[data-estimate]").waitFor();
      await guide.locator("#kg-cost-route-iv").check();
      assert.equal(await guide.locator('[data-prices-origin="clinic"]').innerText(), "Prices from this clinic.");
      assert.equal(await guide.locator('[data-note="iv_price_reports"]').count(), 0, "no 'type your clinic's price' advice on its own site");
      await guide.locator("#kg-cost-route-oral").check();
      assert.equal(await guide.locator('[data-prices-origin="clinic"]').count(), 0);
      assert.match(await guide.locator('[data-prices-origin="typical"]').innerText(), /^Typical US prices\. This clinic has not listed its own price/);
      await guide.locator('[data-group="prices"]').scrollIntoViewIfNeeded();
      // Inside the embed too, the estimate is on screen beside (desktop) or under (phone) the form.
      const [form, summary] = await Promise.all([guide.locator(".kg-cost-form").boundingBox(), guide.locator("[data-summary]").boundingBox()]);
      assert.ok(summary.y >= 0 && summary.y + summary.height <= viewport.height, `${size}: estimate on screen`);
      if (size === "desktop") assert.ok(summary.x >= form.x + form.width, "a side column");
      await page.screenshot({ path: join(ARTIFACTS, `cost-clinic-embed-${size}-${colorScheme}.png`) });
      await context.close();
    }
  }
  await host.close();
  await assets.close();
});
