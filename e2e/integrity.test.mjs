// Integrity: a copy of the release in which one file's bytes were changed after the build (as a
// CDN or a shared host could) — a code chunk, a content file, a tool's stylesheet. Each change
// keeps the file well-formed, so only the integrity check can catch it. Each is refused: its
// tool shows the readable error panel, nothing from it is shown, the other tools work, the
// console has no error but the refusal's own, and the strict-CSP page stays at zero violations.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, readdirSync, readFileSync, writeFileSync, rmSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ARTIFACTS, DIST, launch, screenshot, waitReady, clinicPage } from "./helpers.mjs";
import { startServer } from "../tools/serve.mjs";
import { SEL } from "./selectors.mjs";
import { contrast } from "./looks.mjs";

let browser;
const copies = [];
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/** A copy of dist/ with `pattern`'s file changed by `change` (its brotli copy goes too). */
function alteredCopy(pattern, change) {
  const dir = mkdtempSync(join(tmpdir(), "kg-altered-"));
  copies.push(dir);
  cpSync(DIST, dir, { recursive: true });
  const name = readdirSync(dir).find((f) => pattern.test(f));
  assert.ok(name, `no file matches ${pattern}`);
  writeFileSync(join(dir, name), change(readFileSync(join(dir, name))));
  rmSync(join(dir, `${name}.br`), { force: true });
  return { dir, name };
}

// A valid wasm custom section ("kg", one byte) appended: the module still compiles.
const withCustomSection = (bytes) => Buffer.concat([bytes, Buffer.from([0, 4, 2, 0x6b, 0x67, 0x21])]);
// One figure changed in the text: still valid JSON, and a wrong figure on screen if accepted.
const withChangedFigure = (bytes) => {
  const text = bytes.toString("utf8");
  const changed = text.replace("$400 to $800", "$100 to $800");
  assert.notEqual(changed, text, "the content file has a figure to change");
  return Buffer.from(changed);
};
// A rule appended: still valid CSS, and visible if accepted.
const withExtraRule = (bytes) => Buffer.concat([bytes, Buffer.from(".kg-app{outline:9px solid red}")]);
// A statement appended: still valid JavaScript, and it leaves a mark on the page if it runs.
const withMark = (bytes) => Buffer.concat([bytes, Buffer.from("\n;window.__altered=1;")]);

/** Opens the copy's standalone page under the strict CSP; records errors and violations, and
 * waits for the first view unless the copy is not meant to start (`ready: false`). */
async function open(dir, { ready = true } = {}) {
  const server = await startServer({ dir, csp: true });
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(server.url);
  if (ready) await waitReady(page);
  const close = async () => {
    await context.close();
    await server.close();
  };
  return { page, errors, close };
}

/** The page's own readable panel, in place of the whole app. */
async function expectPagePanel(page) {
  const panel = page.locator("[data-error-panel][role=alert]");
  await panel.waitFor({ timeout: 15000 });
  assert.match(await panel.innerText(), /could not load/i);
  assert.equal(await page.locator("[role=tab]").count(), 0, "no tool rendered");
  return panel;
}

/** Every console error is the refusal's own: it names the refused file, or is its tool's panel saying what did not load. */
function onlyRefusal(errors, name, partMessage) {
  assert.ok(errors.some((e) => e.includes(name)), `the refusal of ${name} is reported: ${errors.join("\n")}`);
  const others = errors.filter((e) => !e.includes(name) && !partMessage.test(e));
  assert.deepEqual(others, [], "no console error but the refusal's own");
}

async function expectPanel(page, section, shot) {
  await page.locator(SEL.tab(section)).click();
  await page.locator(SEL.errorPanel(section)).first().waitFor({ timeout: 15000 });
  await page.screenshot({ path: join(ARTIFACTS, `${shot}-panel.png`) });
}

async function quizWorks(page) {
  await page.locator(SEL.tab("quiz")).click();
  await page.locator(SEL.firstAnswer).first().fill("40");
  await page.locator(SEL.next).click();
  await page.locator(SEL.back).waitFor();
}

async function mythsWork(page) {
  await page.locator(SEL.tab("myths")).click();
  await page.locator(SEL.search).fill("sleep");
  await page.locator(SEL.claim).first().waitFor({ timeout: 15000 });
  assert.equal(await page.locator(SEL.errorPanel("myths")).count(), 0);
}

async function costWorks(page) {
  await page.locator(SEL.tab("cost")).click();
  await page.locator(SEL.costNumber).first().fill("4");
  await page.waitForFunction(() => document.querySelector("[data-estimate]")?.dataset.lowCents === String(4 * 40000));
  assert.equal(await page.locator(SEL.errorPanel("cost")).count(), 0);
}

async function noViolations(page) {
  assert.deepEqual(await page.evaluate(() => window.__violations), [], "strict CSP: zero violations");
}

test("integrity: an altered code chunk is refused; its tool shows the error panel, the others work", async () => {
  const { dir, name } = alteredCopy(/-myths\.wasm$/, withCustomSection);
  const { page, errors, close } = await open(dir);
  await expectPanel(page, "myths", "integrity-chunk");
  assert.equal(await page.locator(SEL.claim).count(), 0, "nothing from the refused chunk is shown");
  await quizWorks(page);
  await costWorks(page);
  await screenshot(page, "integrity-chunk");
  await noViolations(page);
  onlyRefusal(errors, name, /the evidence explorer's code did not load/);
  await close();
});

test("integrity: an altered content file is refused; its tool shows the error panel, the others work", async () => {
  const { dir, name } = alteredCopy(/^kg-en-cost-.*\.json$/, withChangedFigure);
  const { page, errors, close } = await open(dir);
  await expectPanel(page, "cost", "integrity-content");
  assert.equal(await page.locator(SEL.estimate).count(), 0, "nothing from the refused text is shown");
  await quizWorks(page);
  await mythsWork(page);
  await screenshot(page, "integrity-content");
  await noViolations(page);
  onlyRefusal(errors, name, /^$/);
  await close();
});

test("integrity: an altered stylesheet is refused; its tool shows the error panel, the others work", async () => {
  const { dir, name } = alteredCopy(/^kg-style-myths-.*\.css$/, withExtraRule);
  const { page, errors, close } = await open(dir);
  await expectPanel(page, "myths", "integrity-stylesheet");
  assert.equal(await page.locator(SEL.claim).count(), 0, "the tool is not shown without its stylesheet");
  const outline = await page.locator(".kg-app").evaluate((el) => getComputedStyle(el).outlineWidth);
  assert.notEqual(outline, "9px", "no rule of the refused stylesheet applies");
  await quizWorks(page);
  await costWorks(page);
  await screenshot(page, "integrity-stylesheet");
  await noViolations(page);
  onlyRefusal(errors, name, /^$/);
  await close();
});

test("integrity: in an embed on another origin, an altered content file is refused inside that tool only", async () => {
  const { dir, name } = alteredCopy(/^kg-en-cost-.*\.json$/, withChangedFigure);
  const assets = await startServer({ dir, cors: true });
  const host = await startServer({
    dir: "/nonexistent",
    pages: { "/clinic.html": clinicPage(assets.url, '<ketamine-guide sections="quiz cost" lang="en"></ketamine-guide>', { dist: dir, head: '<link rel="icon" href="data:,">' }) },
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(`${host.origin}/clinic.html`);
  const widget = page.locator("ketamine-guide");
  await widget.locator(SEL.ready).waitFor({ state: "attached", timeout: 20000 });
  await widget.locator(SEL.tab("cost")).click();
  await widget.locator(SEL.errorPanel("cost")).first().waitFor({ timeout: 15000 });
  await widget.locator(SEL.tab("quiz")).click();
  await widget.locator(SEL.firstAnswer).first().fill("40");
  await widget.locator(SEL.next).click();
  await widget.locator(SEL.back).waitFor();
  onlyRefusal(errors, name, /^$/);
  await context.close();
  await host.close();
  await assets.close();
});

test("optional parts: a refused service-worker registration is one warning, and the app works on", async () => {
  const { dir, name } = alteredCopy(/^sw-register-.*\.js$/, (bytes) => Buffer.concat([bytes, Buffer.from(";console.log(1)")]));
  const server = await startServer({ dir });
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  const warnings = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(server.url);
  await waitReady(page);
  // The registration is loaded at the first idle moment after data-ready.
  for (let i = 0; i < 150 && warnings.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 500)); // time for a second warning, were there one
  assert.equal(warnings.filter((w) => /offline support unavailable/.test(w)).length, 1, warnings.join("\n"));
  assert.equal(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length)), 0, "no worker registered");
  await quizWorks(page);
  onlyRefusal(errors, name, /^$/);
  await context.close();
  await server.close();
});

test("integrity: an altered main wasm is refused; the page shows its readable panel and none of the app", async () => {
  const { dir, name } = alteredCopy(/_bg\.wasm$/, withCustomSection);
  const { page, errors, close } = await open(dir, { ready: false });
  // Nothing from the refused module ran: no tab, no question, never ready.
  const panel = await expectPagePanel(page);
  const { ratio } = await contrast(panel.locator("a.kg-button"));
  assert.ok(ratio >= 4.5, `the reload link's contrast is ${ratio.toFixed(2)}:1`);
  assert.equal(await page.locator('.kg-app[data-ready="true"]').count(), 0, "never ready");
  await page.screenshot({ path: join(ARTIFACTS, "integrity-main-wasm-panel.png") });
  assert.ok(errors.some((e) => e.includes(name) || /integrity|digest|SRI/i.test(e)), `the refusal is reported: ${errors.join("\n")}`);
  await noViolations(page);
  await close();
});

test("integrity: an altered JS glue is refused; the page shows its readable panel and none of the app", async () => {
  const { dir, name } = alteredCopy(/^ketamine-guide-[0-9a-f]+\.js$/, withMark);
  const { page, errors, close } = await open(dir, { ready: false });
  await expectPagePanel(page);
  assert.equal(await page.evaluate(() => window.__altered), undefined, "nothing of the altered glue ran");
  assert.ok(errors.some((e) => e.includes(name)), `the refusal names the file: ${errors.join("\n")}`);
  await close();
});

test("integrity: an altered loader is refused; after a wait the page offers a reload, and nothing of the app runs", async () => {
  const { dir } = alteredCopy(/^boot-[0-9a-f]+\.js$/, withMark);
  const { page, close } = await open(dir, { ready: false });
  const slow = page.locator("[data-loading-slow]");
  assert.equal(await slow.isVisible(), false, "not at once: a slow connection gets time first");
  await page.waitForFunction(() => getComputedStyle(document.querySelector("[data-loading-slow]")).visibility === "visible", null, { timeout: 15000 });
  assert.match(await slow.innerText(), /Reload the page/);
  for (const colorScheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme });
    const { ratio } = await contrast(slow.locator("a"));
    assert.ok(ratio >= 4.5, `the reload link's contrast is ${ratio.toFixed(2)}:1 (${colorScheme})`);
  }
  assert.equal(await page.evaluate(() => window.__altered), undefined, "nothing of the altered loader ran");
  assert.equal(await page.locator("[role=tab]").count(), 0, "no tool rendered");
  await page.screenshot({ path: join(ARTIFACTS, "integrity-loader-slow.png") });
  await close();
});
