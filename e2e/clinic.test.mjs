// A clinic adopting the widget (issue 19): the office manager fills the configurator, copies
// the code into her page on another origin and sees only her treatments at her prices; a code
// pasted back fills the same form; the hosting check names a missing CORS header and a wrong
// .wasm type; the npm package works from a CDN's `<name>@<version>/` folder; a widget whose
// files cannot load says why on its element and in the console, and calmly to visitors.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, renameSync, rmSync, readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIST, launch, serveDist, recordRequests, foreignRequests, embedIntegrity, screenshot } from "./helpers.mjs";
import { startServer } from "../tools/serve.mjs";
import { writePackage, pack } from "../tools/package.mjs";
import { packageInfo } from "../tools/build/context.mjs";

const { name: NAME, version: VERSION } = packageInfo(new URL("../", import.meta.url));
const env = {};
// The clinic's own site, on another origin than the guide's files; pages are added per test.
const hostPages = {};

before(async () => {
  env.server = await serveDist({ cors: true });
  env.host = await startServer({ dir: "/nonexistent", pages: hostPages });
  env.browser = await launch();
});
after(async () => {
  await env.browser?.close();
  await env.server?.close();
  await env.host?.close();
});

const hostPage = (snippet, title = "Riverside Wellness Clinic") =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><h1>${title}</h1><p>Our ketamine therapy services.</p>
${snippet}
</body></html>`;

/** Waits until every <ketamine-guide> on the page has mounted and is interactive. */
const waitEmbed = (page) =>
  page.waitForFunction(
    () => [...document.querySelectorAll("ketamine-guide")].every((el) => el.shadowRoot?.querySelector('.kg-app[data-ready="true"]')),
    null,
    { timeout: 20000 },
  );

async function openConfigurator(context) {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  await page.goto(`${env.server.url}configurator/`);
  await page.locator('#cf-preview .kg-app[data-ready="true"]').waitFor({ timeout: 20000 });
  return { page, errors };
}

/** Sets one treatment's price the way a person does: "One price", then the amount. */
async function onePrice(page, route, amount) {
  const block = page.locator(`#cf-route-${route}`);
  await block.getByLabel("One price").check();
  await block.getByLabel("Price (USD)").fill(amount);
}

/** The office manager's settings: IV $450, IM $350, no esketamine, no at-home tablets. */
async function fillAsOfficeManager(page) {
  await page.locator("#cf-route-esketamine").getByLabel("We offer this").uncheck();
  await page.locator("#cf-route-oral").getByLabel("We offer this").uncheck();
  await onePrice(page, "iv", "$450");
  await onePrice(page, "im", "350");
  await page.getByLabel("Sessions in a first course").fill("8");
  await page.getByLabel("Weeks between boosters").fill("8");
  await page.getByLabel("Address of your booking page").fill("https://riverside.example/book");
  await page.getByLabel("Words on the button").fill("Book a consultation");
  await page.getByLabel("Brand colour", { exact: true }).fill("#f5c518");
  await page.getByLabel("Brand colour", { exact: true }).blur();
}

const offeredRoutes = (embed) =>
  embed.locator('input[type="radio"][id^="kg-cost-route-"]').evaluateAll((rs) => rs.map((r) => r.id.replace("kg-cost-route-", "")));
const estimateCents = async (embed) => {
  const el = embed.locator("[data-estimate]");
  return { low: Number(await el.getAttribute("data-low-cents")), high: Number(await el.getAttribute("data-high-cents")) };
};

let copiedSnippet = null;

test("(a) an office manager fills the configurator, pastes the code on her own site, and the estimator offers her treatments at her prices and course", { timeout: 120000 }, async () => {
  const context = await env.browser.newContext({ viewport: { width: 1366, height: 900 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.server.origin });
  const log = recordRequests(context);
  const { page, errors } = await openConfigurator(context);
  assert.equal(await page.locator("#cf-version").innerText(), VERSION, "the configurator shows the version");
  await fillAsOfficeManager(page);

  // Inline: the booster interval in the estimator's words, the darkened colour explained.
  assert.match(await page.locator("#cf-booster-rate").innerText(), /0\.5 boosters a month/);
  await page.locator("#cf-accent-used").getByText(/darker shade of your colour/).waitFor();

  // The live preview is the clinic's widget: only IV and IM, on the estimator, at her prices.
  const preview = page.locator("#cf-preview");
  await page.waitForFunction(() => document.querySelector("#cf-preview").getAttribute("routes") === "iv im");
  await preview.locator("[data-estimate]").waitFor();
  assert.deepEqual(await offeredRoutes(preview), ["iv", "im"]);
  await page.waitForFunction(() => document.querySelector("#cf-preview").shadowRoot.querySelector("[data-estimate]")?.dataset.lowCents === "360000");

  await page.getByRole("button", { name: "Copy the code" }).click();
  await page.locator("#cf-copied").getByText(/^Copied\./).waitFor();
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(snippet, await page.locator("#cf-snippet").innerText());
  assert.match(snippet, new RegExp(`^<script src="${env.server.url}embed\\.js" integrity="${embedIntegrity().replace(/[+/]/g, "\\$&")}" crossorigin="anonymous" defer></script>\n`));
  assert.match(snippet, /<style>ketamine-guide \{ --kg-accent: #f5c518; \}<\/style>/);
  assert.match(snippet, /routes="iv im"/);
  assert.match(snippet, /prices='\{"iv":450,"im":350\}'/);
  assert.match(snippet, /course-sessions="8" booster-weeks="8"/);
  assert.match(snippet, /cta-href="https:\/\/riverside\.example\/book" cta-label="Book a consultation"/);
  await screenshot(page, "clinic-configurator-filled");
  assert.deepEqual(foreignRequests(log, [env.server.origin]), [], "the configurator asks nothing of any other origin");
  assert.deepEqual(errors, []);
  copiedSnippet = snippet;

  // Her own site, on another origin, with the code pasted as it was copied.
  hostPages["/services.html"] = hostPage(snippet);
  const site = await context.newPage();
  const siteErrors = [];
  site.on("pageerror", (e) => siteErrors.push(e));
  await site.goto(`${env.host.origin}/services.html`);
  await waitEmbed(site);
  const guide = site.locator("ketamine-guide");
  assert.equal(await guide.getAttribute("data-version"), VERSION);
  assert.equal(await guide.getAttribute("data-error"), null);
  await guide.locator('[role=tab][data-tab="cost"]').click();
  await guide.locator("[data-estimate]").waitFor();
  assert.deepEqual(await offeredRoutes(guide), ["iv", "im"], "exactly her treatments, in her order");
  assert.deepEqual(await guide.locator('label[for^="kg-cost-route-"]').allInnerTexts().then((t) => t.length), 2);
  assert.deepEqual(await estimateCents(guide), { low: 8 * 45000, high: 8 * 45000 }, "IV: 8 sessions at $450");
  await guide.locator("#kg-cost-route-im").check();
  await site.waitForFunction(() => document.querySelector("ketamine-guide").shadowRoot.querySelector("[data-estimate]")?.dataset.lowCents === String(8 * 35000));
  assert.deepEqual(await estimateCents(guide), { low: 8 * 35000, high: 8 * 35000 }, "IM: 8 sessions at $350");
  assert.ok((await guide.locator("a", { hasText: "Book a consultation" }).count()) >= 1, "her booking link");
  await screenshot(site, "clinic-host-estimate");
  assert.deepEqual(foreignRequests(log, [env.server.origin, env.host.origin]), []);
  assert.deepEqual(siteErrors, []);
  await context.close();
});

// UX review 4.7, 4.8 and 4.10: the preview ignored "Open first", sat far below the form, and the
// page's words disagreed with the code with no word on where to paste it.
test("the preview sits beside the form, opens on the tool chosen to open first, and the page says where the code goes; no tool chosen, no code", { timeout: 90000 }, async () => {
  const context = await env.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const { page, errors } = await openConfigurator(context);
  const form = await page.locator("#cf-form").boundingBox();
  const preview = await page.locator("#cf-preview").boundingBox();
  assert.ok(preview.x >= form.x + form.width - 1, `the preview (x ${preview.x}) is beside the form (ends at ${form.x + form.width})`);
  assert.ok(preview.y < form.y + 900, "and starts on the same screen");

  const opened = () =>
    page.evaluate(() => document.querySelector("#cf-preview").shadowRoot.querySelector('[role=tab][aria-selected="true"]')?.dataset.tab);
  for (const tool of ["myths", "cost", "quiz"]) {
    await page.locator("#cf-start").selectOption(tool);
    await page.waitForFunction((t) => document.querySelector("#cf-preview").shadowRoot.querySelector('[role=tab][aria-selected="true"]')?.dataset.tab === t, tool);
    assert.equal(await opened(), tool);
    assert.match(await page.locator("#cf-snippet").innerText(), new RegExp(`start="${tool}"`), `the code opens on ${tool} too`);
  }

  for (const site of ["WordPress", "Squarespace", "Wix"]) {
    assert.equal(await page.locator(".cf-where dt", { hasText: site }).count(), 1, `where to paste it in ${site}`);
  }
  assert.match(await page.locator(".cf-where dd").first().innerText(), /Custom HTML/);

  for (const box of await page.locator('#cf-sections input[name="section"]').all()) await box.uncheck();
  await page.locator("#cf-problems").getByText(/Choose at least one tool/).waitFor();
  assert.equal(await page.locator("#cf-copy").getAttribute("aria-disabled"), "true", "the code cannot be copied");
  // Pressed anyway (it stays focusable, so a keyboard user learns why): the field says what to do.
  await page.locator("#cf-copy").focus();
  await page.keyboard.press("Enter");
  await page.locator("#cf-sections-error").getByText("Choose at least one tool.").waitFor();
  assert.doesNotMatch(await page.locator("#cf-copied").innerText(), /^Copied/, "no code is copied without a tool");
  assert.deepEqual(errors, []);
  await context.close();
});

test("(c) pasting an existing code fills the same form back, and the form writes the same code", { timeout: 90000 }, async () => {
  assert.ok(copiedSnippet, "test (a) copied a snippet");
  const context = await env.browser.newContext();
  const { page, errors } = await openConfigurator(context);
  await page.getByLabel("Paste the code from your page").fill(copiedSnippet);
  await page.getByRole("button", { name: "Fill the form from this code" }).click();
  await page.locator("#cf-paste-result").getByText(/The form now shows the settings of your code/).waitFor();
  assert.equal(await page.locator("#cf-paste-result li").count(), 0, "nothing was left out");
  assert.equal(await page.locator("#cf-route-iv").getByLabel("We offer this").isChecked(), true);
  assert.equal(await page.locator("#cf-route-esketamine").getByLabel("We offer this").isChecked(), false);
  assert.equal(await page.locator("#cf-route-oral").getByLabel("We offer this").isChecked(), false);
  assert.equal(await page.locator("#cf-route-iv").getByLabel("One price").isChecked(), true);
  assert.equal(await page.locator("#cf-route-iv").getByLabel("Price (USD)").inputValue(), "450");
  assert.equal(await page.locator("#cf-route-im").getByLabel("Price (USD)").inputValue(), "350");
  assert.equal(await page.getByLabel("Sessions in a first course").inputValue(), "8");
  assert.equal(await page.getByLabel("Weeks between boosters").inputValue(), "8");
  assert.equal(await page.getByLabel("Address of your booking page").inputValue(), "https://riverside.example/book");
  assert.equal(await page.getByLabel("Words on the button").inputValue(), "Book a consultation");
  assert.equal(await page.getByLabel("Brand colour", { exact: true }).inputValue(), "#f5c518");
  assert.equal(await page.locator("#cf-snippet").innerText(), copiedSnippet, "the same code back");

  // A code in the CDN layout keeps that layout; an unknown treatment is named, not dropped silently.
  const cdn = `<script src="https://cdn.example/npm/${NAME}@${VERSION}/embed.js" defer></script>\n<ketamine-guide routes="esketamine iv tablets" lang="es"></ketamine-guide>`;
  await page.getByLabel("Paste the code from your page").fill(cdn);
  await page.getByRole("button", { name: "Fill the form from this code" }).click();
  await page.locator("#cf-paste-result li").getByText(/tablets/).waitFor();
  assert.equal(await page.getByLabel("A public CDN that copies npm packages").isChecked(), true);
  assert.equal(await page.getByLabel("CDN address").inputValue(), "https://cdn.example/npm/");
  const order = await page.locator("#cf-routes > fieldset").evaluateAll((fs) => fs.map((f) => f.dataset.route));
  assert.deepEqual(order.slice(0, 2), ["esketamine", "iv"]);
  assert.match(await page.locator("#cf-snippet").innerText(), new RegExp(`src="https://cdn\\.example/npm/${NAME}@${VERSION}/embed\\.js"[^>]*>[\\s\\S]*lang="es" routes="esketamine iv"`));
  assert.deepEqual(errors, []);
  await context.close();
});

test("esketamine is priced as the estimator models it: a device's price, devices a dose and the clinic's observation fee", { timeout: 90000 }, async () => {
  const context = await env.browser.newContext();
  const { page, errors } = await openConfigurator(context);
  for (const r of ["iv", "im", "oral"]) await page.locator(`#cf-route-${r}`).getByLabel("We offer this").uncheck();
  const block = page.locator("#cf-route-esketamine");
  await block.locator("[data-price=price-esketamine]").getByLabel("One price").check();
  await block.locator("[data-price=price-esketamine]").getByLabel("Price (USD)").fill("300");
  await block.getByLabel("Devices in one dose").selectOption("3");
  await block.locator("[data-price=price-observation]").getByLabel("A range: lowest, typical and highest").check();
  await block.locator("[data-price=price-observation]").getByLabel("Lowest (USD)").fill("150");
  await block.locator("[data-price=price-observation]").getByLabel("Highest (USD)").fill("250");
  await page.getByLabel("Sessions in a first course").fill("8");
  await page.getByLabel("Sessions in a first course").blur();
  const snippet = page.locator("#cf-snippet");
  await page.waitForFunction(() => document.querySelector("#cf-copy").getAttribute("aria-disabled") === "false");
  assert.match(await snippet.innerText(), /routes="esketamine" prices='\{"esketamine":\{"device":300,"devices_per_dose":3,"observation":\{"low":150,"high":250\}\}\}' course-sessions="8"/);
  // 8 treatments of 3 devices at $300 and a $150 to $250 observation fee.
  await page.waitForFunction(() => {
    const e = document.querySelector("#cf-preview").shadowRoot.querySelector("[data-estimate]");
    return e?.dataset.lowCents === String(8 * (3 * 30000 + 15000)) && e.dataset.highCents === String(8 * (3 * 30000 + 25000));
  });
  assert.deepEqual(await offeredRoutes(page.locator("#cf-preview")), ["esketamine"]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a setting that is wrong shows at its field, and the code cannot be copied until it is fixed", { timeout: 90000 }, async () => {
  const context = await env.browser.newContext();
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.server.origin });
  const { page, errors } = await openConfigurator(context);
  await page.evaluate(() => navigator.clipboard.writeText("nothing yet"));
  await onePrice(page, "iv", "IV 450");
  await page.getByLabel("Address of your booking page").fill("http://riverside.example/book");
  await page.getByLabel("Words on the button").fill("Book");
  await page.getByLabel("Sessions in a first course").fill("0");
  await page.getByLabel("Sessions in a first course").blur();
  const price = page.locator("#cf-route-iv").getByLabel("Price (USD)");
  assert.equal(await price.getAttribute("aria-invalid"), "true");
  assert.match(await page.locator("#cf-price-iv-one-error").innerText(), /Enter a number/);
  assert.match(await page.locator("#cf-courseSessions-error").innerText(), /1 to 100/);
  assert.equal(await page.getByRole("button", { name: "Copy the code" }).getAttribute("aria-disabled"), "true");
  assert.equal(await page.locator("#cf-snippet-box").isHidden(), true, "no code to copy");
  // aria-disabled, not disabled: it stays in the tab order and says why when pressed.
  await page.getByRole("button", { name: "Copy the code" }).focus();
  await page.keyboard.press("Enter");
  await page.locator("#cf-copied").getByText(/^Not copied/).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), "nothing yet");
  const reasons = await page.locator("#cf-problems li").allInnerTexts();
  assert.equal(reasons.length, 3, reasons.join("\n"));
  assert.ok(reasons.some((r) => /^Booking page address: .*https:\/\//.test(r)));
  // Fixed, it can be copied.
  await price.fill("450");
  await page.getByLabel("Address of your booking page").fill("https://riverside.example/book");
  await page.getByLabel("Sessions in a first course").fill("6");
  await page.getByLabel("Sessions in a first course").blur();
  // The preview's widget says its own messages a moment after its attributes change.
  await page.waitForFunction(() => document.querySelector("#cf-copy").getAttribute("aria-disabled") === "false");
  assert.match(await page.locator("#cf-snippet").innerText(), /prices='\{"iv":450\}' course-sessions="6" cta-href="https:\/\/riverside\.example\/book" cta-label="Book"/);
  assert.equal(await page.locator("#cf-problems li").count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("(d) the hosting check says in plain words that a header is missing, that .wasm has the wrong type, or that files are not there", { timeout: 120000 }, async () => {
  const noCors = await serveDist({ cors: false });
  const wrongType = await serveDist({ cors: true, types: { ".wasm": "application/octet-stream" } });
  const empty = await startServer({ dir: "/nonexistent", cors: true });
  try {
    const context = await env.browser.newContext();
    const { page, errors } = await openConfigurator(context);
    const check = async (folder) => {
      await page.getByLabel("Address of the folder with embed.js").fill(folder);
      await page.getByRole("button", { name: "Check my hosting" }).click();
      await page.locator("#cf-check-result [data-check]").waitFor({ timeout: 20000 });
      const problems = await page.locator("#cf-check-result li").evaluateAll((lis) => lis.map((li) => [li.dataset.problem, li.textContent]));
      return { verdict: await page.locator("#cf-check-result [data-check]").getAttribute("data-check"), problems };
    };
    const cors = await check(noCors.url);
    assert.equal(cors.verdict, "problems");
    assert.deepEqual(cors.problems.map(([p]) => p), ["cors"], JSON.stringify(cors.problems));
    assert.match(cors.problems[0][1], /Access-Control-Allow-Origin: \*/);
    const type = await check(wrongType.url);
    assert.deepEqual([...new Set(type.problems.map(([p]) => p))], ["wasm-type"], JSON.stringify(type.problems));
    assert.match(type.problems[0][1], /“application\/octet-stream”.*“application\/wasm”/);
    const missing = await check(empty.url);
    assert.ok(missing.problems.length >= 1 && missing.problems.every(([p]) => p === "not-found"), JSON.stringify(missing.problems));
    assert.match(missing.problems[0][1], /embed\.js is not at .*Upload the whole folder/);
    const good = await check(env.server.url);
    assert.equal(good.verdict, "ok", JSON.stringify(good.problems));
    await screenshot(page, "clinic-hosting-check");
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await noCors.close();
    await wrongType.close();
    await empty.close();
  }
});

test("a widget whose files cannot load names the cause on its element and in the console, and tells visitors calmly", { timeout: 90000 }, async () => {
  const noCors = await serveDist({ cors: false });
  try {
    hostPages["/nocors.html"] = hostPage(
      `<script src="${noCors.url}embed.js" defer></script>
       <ketamine-guide cta-href="https://riverside.example/book" cta-label="Book a consultation"></ketamine-guide>`,
    );
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const console = [];
    page.on("console", (m) => console.push(m.text()));
    await page.goto(`${env.host.origin}/nocors.html`);
    const guide = page.locator("ketamine-guide");
    await page.waitForFunction(() => document.querySelector("ketamine-guide").hasAttribute("data-error"), null, { timeout: 20000 });
    assert.equal(await guide.getAttribute("data-error"), "cors");
    assert.equal(await guide.getAttribute("data-version"), VERSION);
    const panel = guide.locator("[data-error-panel]");
    const text = await panel.innerText();
    assert.match(text, /not available right now/);
    assert.doesNotMatch(text, /reload/i, "visitors are not asked to reload");
    assert.equal(await panel.getByRole("link", { name: "Book a consultation" }).getAttribute("href"), "https://riverside.example/book");
    assert.ok(console.some((line) => /Access-Control-Allow-Origin/.test(line) && /data-error="cors"/.test(line)), console.join("\n"));
    await screenshot(page, "clinic-host-nocors");
    await context.close();
  } finally {
    await noCors.close();
  }
});

test("(b) the npm package, unpacked under /<name>@<version>/ on another origin, passes the embed journeys with no request elsewhere", { timeout: 180000 }, async () => {
  const work = mkdtempSync(join(tmpdir(), "kg-package-"));
  let cdn = null;
  try {
    const { dir, files } = writePackage({ dist: DIST, out: join(work, "out") });
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    assert.equal(manifest.name, NAME);
    assert.equal(manifest.version, VERSION);
    assert.ok(manifest.license);
    assert.ok(files.includes("embed.js") && files.some((f) => f.endsWith(".wasm")));
    const tarball = pack(dir, join(work, "out"));
    // As a CDN that mirrors npm lays it out.
    const root = join(work, "cdn");
    mkdirSync(root);
    execFileSync("tar", ["-xzf", tarball, "-C", root]);
    renameSync(join(root, "package"), join(root, `${NAME}@${VERSION}`));
    const listed = execFileSync("tar", ["-tzf", tarball]).toString().trim().split("\n").map((f) => f.replace(/^package\//, ""));
    for (const f of files) assert.ok(listed.includes(f), `the tarball holds ${f}`);
    for (const f of ["package.json", "README.md", "CHANGELOG.md"]) assert.ok(listed.includes(f), `the tarball holds ${f}`);
    cdn = await startServer({ dir: root, cors: true });
    const base = `${cdn.url}${NAME}@${VERSION}/`;
    hostPages["/from-cdn.html"] = hostPage(
      `<script src="${base}embed.js" integrity="${embedIntegrity(join(root, `${NAME}@${VERSION}`))}" crossorigin="anonymous" defer></script>
       <ketamine-guide routes="im iv" course-sessions="4" cta-href="https://riverside.example/book" cta-label="Book"></ketamine-guide>`,
    );
    const context = await env.browser.newContext();
    const log = recordRequests(context);
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e));
    await page.goto(`${env.host.origin}/from-cdn.html`);
    await waitEmbed(page);
    const guide = page.locator("ketamine-guide");
    assert.equal(await guide.getAttribute("data-version"), VERSION);
    // Self-check: a first answer moves on.
    const firstQuestion = await guide.locator("fieldset[data-question]").getAttribute("data-question");
    await guide.locator("fieldset[data-question] input").first().fill("40");
    await guide.locator('button[data-action="next"]').click();
    await guide.locator(`fieldset[data-question="${firstQuestion}"]`).waitFor({ state: "detached" });
    await guide.locator("fieldset[data-question]").waitFor();
    // Myths: a search finds claims (a chunk and a content file from the package).
    await guide.locator('[role=tab][data-tab="myths"]').click();
    await guide.locator('input[type="search"]').fill("sleep");
    await guide.locator("article[data-claim-id]").first().waitFor();
    // Cost: the clinic's treatments in its order, its course.
    await guide.locator('[role=tab][data-tab="cost"]').click();
    await guide.locator("[data-estimate]").waitFor();
    assert.deepEqual(await offeredRoutes(guide), ["im", "iv"]);
    await guide.locator('[data-section="cost"] input[type="number"]').first().fill("3");
    await page.waitForFunction(() => document.querySelector("ketamine-guide").shadowRoot.querySelector("[data-estimate]")?.dataset.lowCents !== undefined);
    assert.deepEqual(foreignRequests(log, [cdn.origin, env.host.origin]), [], "no request leaves the page's and the CDN's origins");
    const fromCdn = log.requests.filter((r) => new URL(r.url).origin === cdn.origin);
    assert.ok(fromCdn.length > 5);
    for (const r of fromCdn) assert.ok(new URL(r.url).pathname.startsWith(`/${NAME}@${VERSION}/`), r.url);
    await screenshot(page, "clinic-cdn-package");
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await cdn?.close();
    rmSync(work, { recursive: true, force: true });
  }
});
