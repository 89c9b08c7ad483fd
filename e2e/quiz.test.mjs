// The self-check over the release build, played by keyboard alone (Tab, Shift+Tab, Space,
// arrow keys, typing, Enter; no clicks): twelve personas end to end with their outcome and
// deciding reasons, the crisis alert, reload mid-quiz, "Clear my answers", the downloaded
// summary, screenshots light and dark, and a network audit of every journey.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { launch, serveDist, recordRequests, foreignRequests, waitReady, screenshot, ROOT, DIST } from "./helpers.mjs";

const PERSONAS = JSON.parse(readFileSync(join(ROOT, "e2e", "fixtures", "quiz-personas.json"), "utf8"));

let browser, server;
before(async () => {
  server = await serveDist();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const isActive = (page, selector) =>
  page.evaluate((s) => !!document.activeElement && document.activeElement.matches(s), selector);

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`. */
async function tabTo(page, selector, { backwards = false, max = 90 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await isActive(page, selector)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Waits until the step finished moving focus: to the new heading, or to the error summary. */
async function settledFocus(page) {
  await page.waitForFunction(() => document.activeElement?.matches("[data-kg-focus], [data-kg-error-summary]"));
}

const step = (page) => page.locator(".kg-quiz").getAttribute("data-step");
const screenQuestions = (page) =>
  page.locator("fieldset[data-question]").evaluateAll((els) => els.map((e) => e.dataset.question));

/** Answers one question by keyboard. An absent answer leaves an optional question blank. */
async function answer(page, question, value) {
  const field = `fieldset[data-question="${question}"]`;
  if (value === undefined || value === null) return;
  const kind = await page.locator(`${field} input`).first().getAttribute("type");
  if (kind === "text") {
    await tabTo(page, `${field} input`);
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type(String(value));
  } else if (kind === "radio") {
    const values = await page.locator(`${field} input`).evaluateAll((els) => els.map((e) => e.value));
    assert.ok(values.includes(value), `${question} has no choice ${value}`);
    await tabTo(page, `${field} input`);
    // Nothing is picked yet, so Tab lands on the first radio: Space picks it, arrows move on.
    await page.keyboard.press("Space");
    for (let i = 0; i < values.length; i++) {
      const picked = await page.locator(`${field} input:checked`).getAttribute("value");
      if (picked === value) break;
      await page.keyboard.press("ArrowDown");
    }
    assert.equal(await page.locator(`${field} input:checked`).getAttribute("value"), value);
  } else {
    const order = await page.locator(`${field} input`).evaluateAll((els) => els.map((e) => e.value));
    const wanted = [...value].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    for (const v of wanted) {
      await tabTo(page, `${field} input[value="${v}"]`);
      await page.keyboard.press("Space");
    }
    const checked = await page.locator(`${field} input:checked`).evaluateAll((els) => els.map((e) => e.value));
    assert.deepEqual(checked, wanted, `${question} ticked by keyboard`);
  }
}

/** Presses the named button by keyboard. */
async function press(page, action) {
  await tabTo(page, `button[data-action="${action}"]`);
  await page.keyboard.press("Enter");
}

/** Plays one persona from the first question to the result, by keyboard only. */
async function play(page, persona, { onScreen } = {}) {
  const seen = [];
  for (let guard = 0; guard < 40 && (await step(page)) === "question"; guard++) {
    const questions = await screenQuestions(page);
    for (const q of questions) {
      await answer(page, q, persona.answers[q]);
      seen.push(q);
    }
    if (questions.includes("self_harm")) {
      const alerts = page.locator("[role=alert]");
      assert.equal(await alerts.count(), persona.crisis ? 1 : 0, "crisis alert at once, on the same screen");
      if (persona.crisis) assert.match(await alerts.innerText(), /988/);
    }
    if (onScreen) await onScreen(questions);
    await press(page, "next");
    await settledFocus(page);
    assert.equal(await page.locator("[data-kg-error-summary]").count(), 0, `Next accepted after ${questions}`);
    assert.ok(await isActive(page, "[data-kg-focus]"), "focus on the new heading");
  }
  assert.equal(await step(page), "review");
  for (const q of Object.keys(persona.answers)) assert.ok(seen.includes(q), `${q} was asked`);
  assert.equal(await page.locator("[role=alert]").count(), persona.crisis ? 1 : 0, "crisis kept on the review");
  await press(page, "see-result");
  await page.locator("[data-outcome]").waitFor();
  await settledFocus(page);
  assert.ok(await isActive(page, "[data-outcome] [data-kg-focus]"), "focus on the result heading");
}

async function openQuiz(context, log) {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  await page.goto(server.url);
  await waitReady(page, log);
  await page.locator("fieldset[data-question]").first().waitFor();
  return { page, errors };
}

/** Everything after the app was ready is a GET for one of its own static files. */
function auditNetwork(log) {
  assert.deepEqual(foreignRequests(log, [server.origin]), [], "no request leaves the origin");
  for (const r of log.requests) {
    const u = new URL(r.url);
    if (u.protocol === "blob:" || u.protocol === "data:") continue;
    assert.equal(r.method, "GET", `${r.method} ${r.url}`);
    assert.equal(r.postData ?? null, null, `request with a body: ${r.url}`);
    if (r.afterReady) {
      assert.equal(u.search, "", `no query string after ready: ${r.url}`);
      const file = u.pathname === "/" ? "index.html" : decodeURIComponent(u.pathname.slice(1));
      assert.ok(existsSync(join(DIST, file)), `after ready, only static assets: ${r.url}`);
    }
  }
}

test("twelve personas by keyboard alone reach their outcome and deciding reasons; nothing leaves the device", async () => {
  assert.ok(PERSONAS.length >= 8);
  const context = await browser.newContext();
  const log = recordRequests(context);
  for (const persona of PERSONAS) {
    const { page, errors } = await openQuiz(context, log);
    await play(page, persona);
    const result = page.locator("[data-outcome]");
    assert.equal(await result.getAttribute("data-outcome"), persona.outcome, persona.name);
    const reasons = await page.locator("[data-reason]").evaluateAll((els) => els.map((e) => e.dataset.reason));
    assert.deepEqual(reasons, persona.reason_ids, persona.name);
    for (const id of reasons) {
      const r = page.locator(`[data-reason="${id}"]`);
      assert.ok((await r.locator("[data-source]").count()) >= 1, `${id} cites a source`);
    }
    assert.equal(await page.locator("[role=alert]").count(), persona.crisis ? 1 : 0, `crisis kept: ${persona.name}`);
    const text = await result.innerText();
    assert.doesNotMatch(text, /you are eligible|you qualify/i);
    assert.deepEqual(errors, [], persona.name);
    await page.close();
  }
  auditNetwork(log);
  await context.close();
});

test("Change on the review opens the question and Next returns to the review", async () => {
  const context = await browser.newContext();
  const { page } = await openQuiz(context);
  const persona = PERSONAS[0];
  await play(page, persona, {});
  await press(page, "back");
  await settledFocus(page);
  assert.equal(await step(page), "review");
  await tabTo(page, '[data-review="route"] button[data-action="change"]');
  await page.keyboard.press("Enter");
  await settledFocus(page);
  assert.deepEqual(await screenQuestions(page), ["route"]);
  await tabTo(page, 'fieldset[data-question="route"] input:checked');
  await page.keyboard.press("ArrowDown");
  await press(page, "next");
  await settledFocus(page);
  assert.equal(await step(page), "review", "back on the review after the change");
  assert.match(await page.locator('[data-review="route"] dd').first().innerText(), /Esketamine/);
  await context.close();
});

test("reload mid-quiz keeps the answers and the screen; unreadable state is dropped with a notice", async () => {
  const context = await browser.newContext();
  const { page } = await openQuiz(context);
  const persona = PERSONAS[0];
  for (let i = 0; i < 3; i++) {
    for (const q of await screenQuestions(page)) await answer(page, q, persona.answers[q]);
    await press(page, "next");
    await settledFocus(page);
  }
  assert.deepEqual(await screenQuestions(page), ["antidepressants"]);
  await answer(page, "antidepressants", 3);
  await page.reload();
  await waitReady(page);
  await page.locator("fieldset[data-question]").first().waitFor();
  assert.deepEqual(await screenQuestions(page), ["antidepressants"], "same screen after reload");
  assert.equal(await page.locator('fieldset[data-question="antidepressants"] input').inputValue(), "3", "typed text kept");
  const keys = await page.evaluate(() => ({ session: Object.keys(sessionStorage), local: Object.keys(localStorage) }));
  assert.ok(keys.session.some((k) => k.startsWith("kg:")), "kept in session storage by default");
  assert.ok(!keys.local.some((k) => k.startsWith("kg:")), "nothing in local storage without opting in");
  await page.keyboard.press("Tab");
  await press(page, "back");
  await settledFocus(page);
  const ticked = await page.locator('fieldset[data-question="conditions"] input:checked').evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual(ticked, ["depression"], "earlier answers kept too");

  await page.evaluate(() => sessionStorage.setItem("kg:main:quiz", '{"v":1,"data":"{\\"schema_version\\":99}"}'));
  await page.reload();
  await waitReady(page);
  await page.locator('[data-notice="restore-failed"]').waitFor();
  assert.deepEqual(await screenQuestions(page), ["age"], "started again");
  await context.close();
});

test("Clear my answers erases every stored trace, remembered ones included", async () => {
  const context = await browser.newContext();
  const { page } = await openQuiz(context);
  await answer(page, "age", 52);
  await press(page, "next");
  await settledFocus(page);
  await tabTo(page, "#kg-quiz-remember");
  await page.keyboard.press("Space");
  const kgKeys = () =>
    page.evaluate(() => [...Object.keys(sessionStorage), ...Object.keys(localStorage)].filter((k) => k.startsWith("kg:")));
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("kg:")));
  assert.ok((await kgKeys()).length >= 2, "remembered on this device");
  await press(page, "clear");
  await page.locator('[data-notice="cleared"]').waitFor();
  assert.deepEqual(await kgKeys(), [], "no kg: key left anywhere");
  assert.deepEqual(await screenQuestions(page), ["age"]);
  assert.equal(await page.locator('fieldset[data-question="age"] input').inputValue(), "");
  assert.equal(await page.locator("#kg-quiz-remember").isChecked(), false);
  await page.reload();
  await waitReady(page);
  // Other sections may store their own fresh state on load; the quiz stores nothing until
  // something is answered, and "remember" stays off.
  const after = await kgKeys();
  assert.ok(!after.some((k) => /^kg:main:(quiz|remember)$/.test(k)), `quiz traces after a reload: ${after}`);
  await context.close();
});

test("the summary downloads as a file made on the device, with the outcome and the date", async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const log = recordRequests(context);
  const { page } = await openQuiz(context, log);
  const persona = PERSONAS.find((p) => p.crisis);
  await play(page, persona);
  const heading = (await page.locator("[data-outcome] h3").innerText()).trim();
  await tabTo(page, 'button[data-action="download"]');
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  assert.match(download.suggestedFilename(), /^ketamine-self-check-\d{4}-\d{2}-\d{2}\.txt$/);
  const text = readFileSync(await download.path(), "utf8");
  assert.ok(text.includes(heading), "file holds the outcome heading");
  assert.ok(text.includes("988"), "file holds the crisis help");
  for (const id of persona.reason_ids) {
    const answer = await page.locator(`[data-reason="${id}"] .kg-quiz-reason-answer`).innerText();
    assert.ok(text.includes(answer.trim()), `file holds reason ${id}`);
  }
  assert.match(text, /\d{4}/, "dated");

  // Print opens the browser's dialog; stand it in so the call can be seen.
  await page.evaluate(() => {
    window.__kgPrinted = 0;
    window.print = () => window.__kgPrinted++;
  });
  await tabTo(page, 'button[data-action="print"]', { backwards: true });
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => window.__kgPrinted), 1, "Print calls window.print");
  await page.emulateMedia({ media: "print" });
  for (const hidden of [".kg-header", "[role=tablist]", ".kg-quiz-storage", ".kg-quiz-actions", ".kg-section-title"]) {
    const n = page.locator(hidden);
    if (await n.count()) assert.equal(await n.first().isVisible(), false, `${hidden} hidden in print`);
  }
  assert.ok(await page.locator("[data-outcome]").isVisible(), "the summary prints");
  await screenshot(page, "quiz-result-print");
  auditNetwork(log);
  await context.close();
});

for (const colorScheme of ["light", "dark"]) {
  test(`screenshots of a question, the crisis alert and a result (${colorScheme})`, async () => {
    const context = await browser.newContext({ colorScheme });
    const { page } = await openQuiz(context);
    const persona = PERSONAS.find((p) => p.crisis && p.outcome === "not-suitable") ?? PERSONAS.find((p) => p.crisis);
    await screenshot(page, `quiz-question-${colorScheme}`);
    await play(page, persona, {
      onScreen: async (questions) => {
        if (questions.includes("self_harm")) await screenshot(page, `quiz-crisis-${colorScheme}`);
        if (questions.includes("bp_systolic") && colorScheme === "light") {
          await page.setViewportSize({ width: 320, height: 720 });
          await screenshot(page, "quiz-question-320");
          await page.setViewportSize({ width: 1280, height: 720 });
        }
      },
    });
    await screenshot(page, `quiz-result-${colorScheme}`);
    await context.close();
  });
}

test("Next without an answer shows the error summary and the field's message", async () => {
  const context = await browser.newContext();
  const { page } = await openQuiz(context);
  await press(page, "next");
  await settledFocus(page);
  assert.ok(await isActive(page, "[data-kg-error-summary]"), "focus on the error summary");
  const input = page.locator('fieldset[data-question="age"] input');
  assert.equal(await input.getAttribute("aria-invalid"), "true");
  await screenshot(page, "quiz-error");
  await context.close();
});

test("axe finds no accessibility violation on a question, an error, the crisis alert, the review or the result", async () => {
  const context = await browser.newContext();
  const { page } = await openQuiz(context);
  const axePath = join(ROOT, "node_modules", "axe-core", "axe.min.js");
  const check = async (label) => {
    if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(() => window.axe.run(document.querySelector(".kg-quiz")));
    const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    assert.deepEqual(found, [], `axe on ${label}`);
  };
  await press(page, "next");
  await settledFocus(page);
  await check("an error");
  const persona = PERSONAS.find((p) => p.crisis);
  let checkedCrisis = false;
  await play(page, persona, {
    onScreen: async (questions) => {
      if (questions.includes("self_harm")) {
        await check("the crisis alert");
        checkedCrisis = true;
      }
      if (questions.includes("medicines")) await check("a checkbox question");
    },
  });
  assert.ok(checkedCrisis);
  await check("the result");
  await press(page, "back");
  await settledFocus(page);
  await check("the review");
  await context.close();
});
