// The three deployments from one build: script-tag embed on a foreign host page (cross-origin,
// hostile CSS, two instances), the offline PWA, and the standalone page under a strict CSP.
import { test } from "node:test";
import assert from "node:assert/strict";
import { embedIntegrity, serveDist, recordRequests, foreignRequests, waitReady, screenshot, clinicPage } from "./helpers.mjs";
import { useEmbedHost } from "./setup.mjs";

const HOSTILE_CSS = `
  * { font: 32px serif !important; color: red !important; box-sizing: content-box !important }
  button, input, fieldset, h2 { all: unset }
  h1#host-title { color: rgb(0, 128, 0) !important; }
`;

const hostPage = (assetsUrl, body) => clinicPage(assetsUrl, body, { head: `<style>${HOSTILE_CSS}</style>` });

const env = useEmbedHost((assets) => ({
  "/clinic.html": hostPage(
    assets,
    `<ketamine-guide id="first" sections="quiz cost" start="cost" cta-href="https://clinic.example/book" cta-label="Book a visit"></ketamine-guide>
     <ketamine-guide sections="cost myths" currency="EUR"></ketamine-guide>`,
  ),
  "/invalid.html": hostPage(
    assets,
    `<ketamine-guide prices="{not json" sections="quiz bogus" cta-href="javascript:alert(1)" cta-label="Book" currency="dollars"></ketamine-guide>
     <ketamine-guide prices='{"iv": {"low": -5, "typical": 10, "high": 20}}'></ketamine-guide>
     <ketamine-guide id="bad-offer" sections="cost" routes="im tablets iv" course-sessions="0" booster-weeks="many"></ketamine-guide>`,
  ),
  "/currency.html": hostPage(
    assets,
    `<ketamine-guide id="eur" sections="cost" currency="EUR"></ketamine-guide>
     <ketamine-guide id="jpy" sections="cost" currency="JPY" prices='{"iv": {"low": 30000, "typical": 45000.5, "high": 60000}}'></ketamine-guide>
     <ketamine-guide id="xyz" sections="cost" currency="XYZ"></ketamine-guide>`,
  ),
}));

const instances = (page) => page.locator("ketamine-guide");

async function waitEmbeds(page, count) {
  await page.waitForFunction(
    (n) => [...document.querySelectorAll("ketamine-guide")].filter((el) => el.shadowRoot?.querySelector('.kg-app[data-ready="true"]')).length === n,
    count,
    { timeout: 20000 },
  );
}

test("embed: two instances on a hostile cross-origin host page render, stay isolated and never touch the host", async () => {
  const context = await env.browser.newContext();
  const log = recordRequests(context);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  const url = `${env.host.origin}/clinic.html`;
  await page.goto(url);
  const historyBefore = await page.evaluate(() => history.length);
  const hostStyleBefore = await page.locator("#host-title").evaluate((el) => getComputedStyle(el).color + getComputedStyle(el).fontSize);
  await waitEmbeds(page, 2);
  log.readyAt = Date.now();

  // Open shadow roots; the host's hostile CSS does not reach inside.
  const modes = await instances(page).evaluateAll((els) => els.map((el) => el.shadowRoot?.mode));
  assert.deepEqual(modes, ["open", "open"]);
  const first = instances(page).nth(0);
  const second = instances(page).nth(1);
  const tabs = async (el) => el.locator("[role=tab]").evaluateAll((ts) => ts.map((t) => t.dataset.tab));
  assert.deepEqual(await tabs(first), ["quiz", "cost"]);
  assert.deepEqual(await tabs(second), ["cost", "myths"]);
  assert.equal(await first.locator('[role=tab][aria-selected="true"]').getAttribute("data-tab"), "cost", "start attribute");
  const inner = await first.locator(".kg-title").evaluate((el) => ({ font: getComputedStyle(el).fontFamily, color: getComputedStyle(el).color }));
  assert.doesNotMatch(inner.font, /^serif$/, "host font does not leak into the widget");
  assert.notEqual(inner.color, "rgb(255, 0, 0)", "host colour does not leak into the widget");
  const hostStyleAfter = await page.locator("#host-title").evaluate((el) => getComputedStyle(el).color + getComputedStyle(el).fontSize);
  assert.equal(hostStyleAfter, hostStyleBefore, "the widget's CSS does not leak onto the host");

  // Loading never steals focus; switching sections never touches the host URL.
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
  await first.locator('[data-tab="quiz"]').click();
  await second.locator('[role=tab][aria-selected="true"]').focus();
  await page.keyboard.press("ArrowRight");
  assert.equal(await second.locator('[role=tab][aria-selected="true"]').getAttribute("data-tab"), "myths");
  assert.equal(page.url(), url, "host URL unchanged");
  assert.equal(await page.evaluate(() => history.length), historyBefore, "no history entries added");

  // Journeys in all three tools inside the shadow roots, with separate state per instance.
  await first.locator('[data-tab="cost"]').click();
  const sessions = first.locator('[data-section="cost"] input[type="number"]').first();
  await sessions.fill("3");
  await page.waitForFunction(() => {
    const el = document.querySelector("ketamine-guide").shadowRoot.querySelector("[data-estimate]");
    return el && el.dataset.lowCents === String(3 * 40000);
  });
  const otherLow = await second.locator("[data-estimate]").getAttribute("data-low-cents");
  assert.equal(otherLow, String(6 * 40000), "the other instance keeps its own plan");
  assert.ok((await first.locator("a", { hasText: "Book a visit" }).count()) >= 1, "clinic call to action shown with the estimate");
  // The estimate links to the explorer's routes table only where the explorer is offered.
  assert.equal(await first.locator("[data-routes-link]").count(), 0, "no link to a section this embed does not show");
  assert.equal(await second.locator("[data-routes-link]").count(), 1, "the link where the explorer is offered");
  await first.locator('[data-tab="quiz"]').click();
  await first.locator("fieldset[data-question] input").first().fill("40");
  await first.locator('button[data-action="next"]').click();
  await first.locator("fieldset[data-question] legend").first().waitFor();
  await second.locator('[data-tab="myths"]').click();
  await second.locator('input[type="search"]').fill("sleep");
  await page.waitForFunction(() => {
    const root = document.querySelectorAll("ketamine-guide")[1].shadowRoot;
    const cards = [...root.querySelectorAll("article[data-claim-id]")];
    return cards.length > 0 && cards.every((a) => a.dataset.topics.split(" ").includes("sleep"));
  });
  // An open claim offers no "link to this claim" inside an embed: the host's URL never changes,
  // so there would be nothing to copy.
  const claim = second.locator("article[data-claim-id]").first();
  await claim.locator("button[aria-expanded]").click();
  assert.ok((await claim.locator("[data-source]").count()) >= 1, "the claim is open");
  assert.equal(await claim.locator(".kg-claim-permalink").count(), 0);
  assert.equal(page.url(), url, "host URL unchanged by the journeys");

  // Attributes changed after load take effect.
  await second.evaluate((el) => el.setAttribute("sections", "myths"));
  await page.waitForFunction(() => document.querySelectorAll("ketamine-guide")[1].shadowRoot.querySelectorAll("[role=tab]").length === 1);
  // The section on screen is dropped: the first one still offered takes its place (never a
  // widget with no tab selected and every panel hidden).
  await first.evaluate((el) => el.setAttribute("sections", "cost myths"));
  await page.waitForFunction(() => {
    const root = document.querySelector("ketamine-guide").shadowRoot;
    const tab = root.querySelector('[role=tab][aria-selected="true"]');
    return tab?.dataset.tab === "cost" && tab.tabIndex === 0 && root.querySelector('[data-section="cost"]')?.hidden === false;
  });
  // Removing and re-adding an element works.
  await first.evaluate((el) => {
    const parent = el.parentNode;
    const next = el.nextSibling;
    el.remove();
    parent.insertBefore(el, next);
  });
  await waitEmbeds(page, 2);
  await screenshot(page, "embed-host");

  assert.deepEqual(errors, []);
  assert.deepEqual(foreignRequests(log, [env.host.origin, env.server.origin]), []);
  const hostAssets = log.requests.filter((r) => new URL(r.url).origin === env.host.origin);
  assert.deepEqual(hostAssets.map((r) => new URL(r.url).pathname), ["/clinic.html"], "only the page itself comes from the host");
  await context.close();
});

test("embed: invalid attributes show readable messages inside the element and nothing throws", async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  await page.goto(`${env.host.origin}/invalid.html`);
  await waitEmbeds(page, 3);
  // A price book is checked by the cost estimator's code, fetched right after the first view:
  // its message joins the others a moment later, with the detail in the estimator's words.
  await page.waitForFunction(
    () => {
      const items = (el) => [...(el.shadowRoot?.querySelectorAll("[data-config-errors] li") ?? [])].map((li) => li.textContent);
      const [first, second] = document.querySelectorAll("ketamine-guide");
      return items(first).length === 4 && /line 1, column/.test(items(first).join()) && /-5|negative|below/i.test(items(second).join());
    },
    null,
    { timeout: 20000 },
  );
  const messages = await instances(page).nth(0).locator("[data-config-errors] li").allInnerTexts();
  assert.equal(messages.length, 4, messages.join("\n"));
  assert.ok(messages.some((m) => m.includes("bogus")));
  assert.ok(messages.some((m) => m.includes("javascript:alert(1)")));
  assert.ok(messages.some((m) => m.includes("dollars")));
  assert.ok(messages.some((m) => /price/i.test(m)));
  const negative = await instances(page).nth(1).locator("[data-config-errors] li").allInnerTexts();
  assert.equal(negative.length, 1);
  assert.match(negative[0], /price/i);
  // The rest still works: the valid section is there, and the other instance switches tabs.
  assert.deepEqual(await instances(page).nth(0).locator("[role=tab]").evaluateAll((ts) => ts.map((t) => t.dataset.tab)), ["quiz"]);
  await instances(page).nth(1).locator('[data-tab="myths"]').click();
  assert.equal(await instances(page).nth(1).locator('[role=tab][aria-selected="true"]').getAttribute("data-tab"), "myths");
  assert.equal(await page.locator("a[href^='javascript']").count(), 0);
  // A clinic's treatments and course: each wrong value named, the known treatments kept in
  // the clinic's order, each treatment on its usual course.
  const offer = page.locator("ketamine-guide#bad-offer");
  const offerMessages = await offer.locator("[data-config-errors] li").allInnerTexts();
  assert.equal(offerMessages.length, 3, offerMessages.join("\n"));
  for (const value of ["tablets", "“0”", "many"]) assert.ok(offerMessages.some((m) => m.includes(value)), `${value}: ${offerMessages}`);
  await offer.locator("[data-estimate]").waitFor();
  assert.deepEqual(await offer.locator('input[type="radio"][id^="kg-cost-route-"]').evaluateAll((rs) => rs.map((r) => r.id)), ["kg-cost-route-im", "kg-cost-route-iv"]);
  assert.equal(await offer.locator('[data-section="cost"] input[type="number"]').first().inputValue(), "6", "IM's usual first course");
  await screenshot(page, "embed-invalid");
  assert.deepEqual(errors, []);
  await context.close();
});

test("embed: money is in the clinic's currency only over its own prices, with that currency's minor units", async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  await page.goto(`${env.host.origin}/currency.html`);
  await waitEmbeds(page, 3);
  const embed = (id) => page.locator(`ketamine-guide#${id}`);
  const total = (id) => embed(id).locator(".kg-cost-total-range").innerText();
  // Both messages come from the cost estimator's code, fetched right after the first view.
  await page.waitForFunction(
    () => ["eur", "xyz"].every((id) => document.getElementById(id).shadowRoot?.querySelector("[data-config-errors] li")),
    null,
    { timeout: 20000 },
  );

  // Euros asked for over the default prices: US prices in US dollars, and it says so.
  const eur = await embed("eur").locator("[data-config-errors] li").allInnerTexts();
  assert.equal(eur.length, 1, eur.join("\n"));
  assert.match(eur[0], /EUR/);
  assert.match(eur[0], /US dollars/);
  assert.match(await total("eur"), /^\$2,400 to \$4,800, typically \$3,600$/);
  assert.match(await embed("eur").locator("[data-prices-currency]").innerText(), /US dollars, not in EUR/);

  // Yen over the clinic's own yen prices: no message, and yen have no minor unit.
  assert.equal(await embed("jpy").locator("[data-config-errors]").count(), 0);
  assert.equal(await embed("jpy").locator("[data-prices-currency]").count(), 0);
  assert.equal(await total("jpy"), "¥180,000 to ¥360,000, typically ¥270,003");

  // A well-formed code of no currency is refused; money stays in US dollars.
  const xyz = await embed("xyz").locator("[data-config-errors] li").allInnerTexts();
  assert.equal(xyz.length, 1, xyz.join("\n"));
  assert.match(xyz[0], /XYZ/);
  assert.match(xyz[0], /US dollars/);
  assert.match(await total("xyz"), /^\$2,400 to /);
  await screenshot(page, "embed-currency");
  assert.deepEqual(errors, []);
  await context.close();
});

test("strict CSP: the standalone page runs with zero violations", async (t) => {
  const server = await serveDist({ csp: true });
  t.after(() => server.close());
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto(server.url);
  assert.match(response.headers()["content-security-policy"], /default-src 'none'/);
  await waitReady(page);
  for (const tab of ["myths", "cost", "quiz"]) {
    await page.locator(`[data-tab="${tab}"]`).click();
    await page.locator(`[role=tabpanel][data-section="${tab}"]:not([hidden])`).waitFor();
  }
  const styled = await page.locator("[style]").count();
  assert.equal(styled, 0, "no inline style attributes");
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await context.close();
});

test("offline PWA: after one visit the app loads and works with the network off", async (t) => {
  const server = await serveDist();
  t.after(() => server.close());
  const context = await env.browser.newContext();
  const log = recordRequests(context);
  const page = await context.newPage();
  await page.goto(server.url);
  await waitReady(page, log);
  const manifest = await page.evaluate(async () => (await fetch(document.querySelector("link[rel=manifest]").href)).json());
  assert.equal(manifest.display, "standalone");
  assert.ok(manifest.icons.some((i) => i.sizes === "512x512" && i.purpose === "maskable"));
  await page.evaluate(() => navigator.serviceWorker.ready);
  await context.setOffline(true);
  await page.reload();
  await waitReady(page);
  // A journey in each tool with the network off.
  await page.locator("fieldset[data-question] input").first().fill("40");
  await page.locator('button[data-action="next"]').click();
  await page.locator("fieldset[data-question] legend").first().waitFor();
  await page.locator('[data-tab="myths"]').click();
  await page.locator('[data-section="myths"] input[type="search"]').fill("cost");
  await page.locator('[data-section="myths"] article[data-claim-id]').first().waitFor();
  await page.locator('[data-tab="cost"]').click();
  assert.equal(new URL(page.url()).hash, "#cost");
  await page.locator('[data-section="cost"] input[type="number"]').first().fill("4");
  await page.waitForFunction(() => document.querySelector("[data-estimate]")?.dataset.lowCents === String(4 * 40000));
  await page.reload();
  await waitReady(page);
  assert.equal(await page.locator('[role=tab][aria-selected="true"]').getAttribute("data-tab"), "cost");
  await screenshot(page, "offline-cost");
  assert.deepEqual(foreignRequests(log, [server.origin]), []);
  await context.close();
});
