// The privacy proof: one recorded browser session runs every quiz persona (the crisis help
// that comes first included), the decision's description, what matters to you (by keyboard),
// the options compared on the result and in the explorer, the summary download and print,
// "Need help now?", the result's links to the other tools, a Change and "Start again", myth
// searches and filters, cost edits
// and an embedded journey (with theme and header set), then checks that no
// request left the widget's origins, nothing but the app's own static files was fetched after
// it was ready, no answer ever appeared in a URL, every storage key is the app's, and
// "Clear my answers" leaves nothing of ours behind.
import { test } from "node:test";
import assert from "node:assert/strict";
import { recordRequests, auditRequests, waitReady, clinicPage } from "./helpers.mjs";
import { useEmbedHost } from "./setup.mjs";
import { PERSONAS, play, press, tabTo, settledFocus } from "./pages/self-check.mjs";

const env = useEmbedHost((assets) => ({
  "/clinic.html": clinicPage(assets, '<ketamine-guide theme="dark" header="hide" lang="es"></ketamine-guide>'),
}));

const storage = (page) =>
  page.evaluate(() => ({
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
  }));

/** Every URL the page has shown: only section places, never an answer. */
function assertNoAnswerInUrl(urls) {
  for (const u of urls) {
    const url = new URL(u);
    assert.equal(url.search, "", `no query string: ${u}`);
    assert.match(url.hash, /^(#(quiz|myths|cost)(\/[a-z0-9-]+)?)?$/, `fragment names a place only: ${u}`);
  }
}

test("every journey stays on the device: requests, URLs and storage", async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const log = recordRequests(context);
  const page = await context.newPage();
  const urls = [];
  page.on("framenavigated", (f) => f === page.mainFrame() && urls.push(f.url()));
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  await page.goto(env.server.url);
  await waitReady(page, log);
  // Watch the URL on every change the app makes to it (hash changes are not navigations).
  await page.exposeFunction("__kgUrl", (u) => urls.push(u));
  await page.evaluate(() => addEventListener("hashchange", () => window.__kgUrl(location.href)));

  // Every quiz persona, then the provider summary download.
  await page.locator("fieldset[data-question]").first().waitFor();
  await page.locator("[data-decision] summary").click();
  await page.locator("[data-decision] details p").filter({ hasNotText: "Loading" }).waitFor();
  for (const persona of PERSONAS) {
    await play(page, persona);
    assert.equal(await page.locator("[data-outcome]").getAttribute("data-outcome"), persona.outcome);
    if (persona === PERSONAS.at(-1)) {
      await tabTo(page, 'button[data-action="download"]');
      const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
      assert.equal(new URL(download.url()).protocol, "blob:", "the summary is made on the device");
      // Print (the browser's dialog stood in), "Need help now?", a Change and back.
      await page.evaluate(() => (window.print = () => {}));
      await press(page, "print");
      await page.locator("[data-kg-help] summary").click();
      await page.locator("[data-kg-help] summary").click();
      await press(page, "back");
      await settledFocus(page);
      // What matters to you, by keyboard: stored beside the answers, on this device only.
      await page.locator("[data-values] fieldset").first().waitFor();
      await tabTo(page, '[data-values] [data-value="visits"] input');
      await page.keyboard.press("Space");
      await page.keyboard.press("ArrowDown");
      assert.match(await page.evaluate(() => sessionStorage.getItem("kg:main:values")), /"visits":"somewhat"/);
      await tabTo(page, '[data-review="age"] button[data-action="change"]');
      await page.keyboard.press("Enter");
      await settledFocus(page);
      await press(page, "next");
      await settledFocus(page);
      await press(page, "see-result");
      await settledFocus(page);
      // The options compared, with the values beside them, and the explorer's comparison.
      await page.locator(".kg-quiz-compare .kg-disclosure-button").click();
      await page.locator("[data-outcome] [data-values-shown]").waitFor();
      await page.locator('[data-outcome] a[data-to="myths/options"]').click();
      await page.locator('[data-section="myths"] table[data-options]').waitFor();
      await page.locator('[data-tab="quiz"]').click();
      // The result's links open the other tools (a place in the URL, nothing more), and back.
      await page.locator('[data-outcome] a[data-to="cost"]').click();
      await page.locator('[data-tab="quiz"]').click();
      await page.locator('[data-outcome] a[data-to="myths"]').click();
      await page.locator('[data-tab="quiz"]').click();
    }
    await press(page, "restart");
    await press(page, "restart-confirm");
    await settledFocus(page);
  }
  const answered = JSON.stringify(PERSONAS.map((p) => p.answers));

  // Myth searches and filters.
  await page.locator('[data-tab="myths"]').click();
  const search = page.locator('[data-section="myths"] input[type="search"]');
  for (const text of ["sleep", "insomnia cost", "ketamína", "zzzz-nothing", "can I get hooked", "habit-forming"]) {
    await search.fill(text);
  }
  // A slip, and the topic it suggests.
  await search.fill("insomia");
  await page.locator('[data-section="myths"] button[data-action="suggest"]').click();
  await search.fill("");
  await page.locator('[data-section="myths"] button[aria-pressed]').first().click();

  // Cost edits: sessions, a price, insurance for two routes, the insurer, a share typed as 0.8.
  await page.locator('[data-tab="cost"]').click();
  const numbers = page.locator('[data-section="cost"] input[type="number"]');
  await numbers.first().fill("9");
  await numbers.nth(1).fill("312");
  await page.locator("#kg-cost-coverage-percent").check();
  await page.locator("#kg-cost-covers-esketamine").check();
  await page.locator("#kg-cost-insurer-medicare").check();
  await page.locator("#kg-cost-covered_percent").fill("0.8");
  await page.locator("#kg-cost-covered_percent-check").waitFor();
  await page.locator("[data-estimate]").waitFor();

  // Storage: only our keys, and nothing of ours after "Clear my answers".
  const used = await storage(page);
  for (const key of [...used.local, ...used.session]) assert.match(key, /^kg:/, `storage key ${key}`);
  await page.locator('[data-tab="quiz"]').click();
  await page.locator('[data-section="quiz"] button[data-action="clear"]').click();
  const cleared = await storage(page);
  assert.deepEqual(cleared, { local: [], session: [] }, "Clear my answers leaves nothing of ours");

  // The audit: origin, methods, bodies, and after-ready requests; and no answer in any URL.
  auditRequests(log, [env.server.origin]);
  assertNoAnswerInUrl([...urls, page.url(), ...log.requests.map((r) => r.url).filter((u) => u.startsWith("http"))]);
  for (const r of log.requests) assert.ok(!r.url.includes("answers"), r.url);
  assert.ok(answered.length > 100);
  assert.deepEqual(errors, []);
  await context.close();
});

test("an embedded journey on a clinic's page requests nothing from anyone but the widget's origin", async () => {
  const context = await env.browser.newContext();
  const log = recordRequests(context);
  const page = await context.newPage();
  await page.goto(`${env.host.origin}/clinic.html`);
  await page.locator("ketamine-guide .kg-app[data-ready]").waitFor();
  log.readyAt = Date.now();
  const guide = page.locator("ketamine-guide");
  await guide.locator('[data-tab="cost"]').click();
  await guide.locator('input[type="number"]').first().fill("4");
  await guide.locator('[data-tab="myths"]').click();
  await guide.locator('input[type="search"]').fill("cost");
  await guide.locator('[data-tab="quiz"]').click();
  await guide.locator("[data-kg-help] summary").click();
  await guide.locator('fieldset[data-question] input').first().fill("40");
  await guide.locator('button[data-action="next"]').click();
  await guide.locator('fieldset[data-question]').first().waitFor();
  auditRequests(
    { ...log, requests: log.requests.filter((r) => r.url !== `${env.host.origin}/clinic.html`) },
    [env.server.origin],
  );
  const keys = await storage(page);
  for (const key of [...keys.local, ...keys.session]) assert.match(key, /^kg:/);
  assert.equal(page.url(), `${env.host.origin}/clinic.html`, "the host URL never changes");
  await context.close();
});

test("the configurator's journey requests nothing from anyone but its own origin and stores nothing", async () => {
  const context = await env.browser.newContext();
  const log = recordRequests(context);
  const page = await context.newPage();
  await page.goto(`${env.server.url}configurator/`);
  await page.locator('#cf-preview .kg-app[data-ready="true"]').waitFor({ timeout: 20000 });
  log.readyAt = Date.now();
  // A clinic's settings, a pasted code, a copy and the hosting check of its own folder.
  await page.locator("#cf-route-oral").getByLabel("We offer this").uncheck();
  await page.locator("#cf-route-iv").getByLabel("One price").check();
  await page.locator("#cf-route-iv").getByLabel("Price (USD)").fill("450");
  await page.getByLabel("Sessions in a first course").fill("8");
  await page.getByLabel("Address of your booking page").fill("https://clinic.example/book");
  await page.getByLabel("Words on the button").fill("Book");
  await page.getByLabel("Tool that opens first").selectOption("myths");
  await page.locator("#cf-preview [data-section=myths] input[type=search]").fill("cost");
  await page.getByLabel("Paste the code from your page").fill('<ketamine-guide routes="im iv" lang="es"></ketamine-guide>');
  await page.getByRole("button", { name: "Fill the form from this code" }).click();
  await page.getByRole("button", { name: "Copy the code" }).click();
  await page.getByRole("button", { name: "Check my hosting" }).click();
  await page.locator("#cf-check-result [data-check]").waitFor({ timeout: 20000 });
  auditRequests(log, [env.server.origin]);
  const keys = await storage(page);
  assert.deepEqual(keys, { local: [], session: [] }, "the preview stores nothing (persist=none)");
  await context.close();
});
