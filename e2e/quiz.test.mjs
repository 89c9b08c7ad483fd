// The self-check over the release build, played by keyboard alone (Tab, Shift+Tab, Space,
// arrow keys, typing, Enter; no clicks): every persona end to end with its outcome, deciding
// reasons and other answers to raise, the crisis alert, reload mid-quiz, "Clear my answers", the downloaded
// summary, screenshots light and dark, and a network audit of every journey.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { recordRequests, auditRequests, waitReady, screenshot, ROOT } from "./helpers.mjs";
import { useBrowserAndServer } from "./setup.mjs";

import { PERSONAS, isActive, tabTo, settledFocus, step, screenQuestions, answer, press, play } from "./pages/self-check.mjs";

const env = useBrowserAndServer();

async function openQuiz(context, log) {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  await page.goto(env.server.url);
  await waitReady(page, log);
  await page.locator("fieldset[data-question]").first().waitFor();
  return { page, errors };
}

/** Everything after the app was ready is a GET for one of its own static files. */
const auditNetwork = (log) => auditRequests(log, [env.server.origin]);

/** The text of each answer line on the result, in order. */
const answerLines = (page) =>
  page.locator("[data-outcome] .kg-quiz-reason-answer").evaluateAll((els) => els.map((e) => e.innerText.trim()));

/** The answer line shown above a reason (one line per answer, shared by its reasons). */
const answerLineOf = (page, attr, id) =>
  page.locator(`[${attr}="${id}"]`).evaluate((e) => e.closest(".kg-quiz-reason").querySelector(".kg-quiz-reason-answer").innerText.trim());

test("every persona by keyboard alone reaches its outcome, deciding reasons and other answers to raise; nothing leaves the device", async () => {
  assert.ok(PERSONAS.length >= 8);
  const context = await env.browser.newContext();
  const log = recordRequests(context);
  for (const persona of PERSONAS) {
    const { page, errors } = await openQuiz(context, log);
    await play(page, persona);
    const result = page.locator("[data-outcome]");
    assert.equal(await result.getAttribute("data-outcome"), persona.outcome, persona.name);
    const reasons = await page.locator("[data-reason]").evaluateAll((els) => els.map((e) => e.dataset.reason));
    assert.deepEqual(reasons, persona.reason_ids, persona.name);
    const others = await page.locator("[data-other-reason]").evaluateAll((els) => els.map((e) => e.dataset.otherReason));
    assert.deepEqual(others, persona.other_reason_ids, `other answers to raise: ${persona.name}`);
    for (const [attr, id] of [...reasons.map((id) => ["data-reason", id]), ...others.map((id) => ["data-other-reason", id])]) {
      const r = page.locator(`[${attr}="${id}"]`);
      assert.ok((await r.locator("[data-source]").count()) >= 1, `${id} cites a source`);
      assert.ok((await answerLineOf(page, attr, id)).length > 0, `${id} has its answer above it`);
    }
    const lines = await answerLines(page);
    assert.equal(new Set(lines).size, lines.length, `each answer shown once: ${persona.name}`);
    if (persona.answers.self_harm === "yes" || persona.answers.self_harm === "not-sure") {
      assert.ok([...reasons, ...others].includes("self-harm"), `the self-harm answer is listed: ${persona.name}`);
      assert.notEqual(persona.outcome, "worth-discussing", persona.name);
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
  const context = await env.browser.newContext();
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
  const context = await env.browser.newContext();
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

  // As the previous release stored a state (its envelope's version 1): dropped with the notice.
  await page.evaluate(() =>
    sessionStorage.setItem("kg:main:quiz", '{"v":1,"data":"{\\"schema_version\\":1,\\"answers\\":{\\"age\\":40},\\"step\\":\\"review\\"}"}'),
  );
  await page.reload();
  await waitReady(page);
  await page.locator('[data-notice="restore-failed"]').waitFor();
  assert.deepEqual(await screenQuestions(page), ["age"], "started again");
  await context.close();
});

test("Clear my answers erases every stored trace, remembered ones included", async () => {
  const context = await env.browser.newContext();
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

test("Clear my answers starts the other tools afresh too; unticking Remember leaves no flag behind", async () => {
  const context = await env.browser.newContext();
  const { page, errors } = await openQuiz(context);
  const flags = () => page.evaluate(() => [sessionStorage, localStorage].map((s) => s.getItem("kg:main:remember")));
  await page.locator("#kg-quiz-remember").check();
  await page.waitForFunction(() => localStorage.getItem("kg:main:remember") !== null);
  await page.locator("#kg-quiz-remember").uncheck();
  assert.deepEqual(await flags(), [null, null], "no remember flag in either storage once it is off");

  // Something typed in each of the other tools, on screen and stored.
  await page.locator('[data-tab="cost"]').click();
  await page.locator("#kg-cost-route-oral").check();
  await page.locator('[data-tab="myths"]').click();
  await page.locator('[data-section="myths"] input[type="search"]').fill("sleep");
  await page.waitForFunction(() => ["cost", "myths"].every((n) => sessionStorage.getItem(`kg:main:${n}`)));
  await page.locator('[data-tab="quiz"]').click();
  await press(page, "clear");
  await page.locator('[data-notice="cleared"]').waitFor();
  const kgKeys = () => page.evaluate(() => [...Object.keys(sessionStorage), ...Object.keys(localStorage)].filter((k) => k.startsWith("kg:")));
  assert.deepEqual(await kgKeys(), []);
  // Back in the other tools, nothing of it is left on screen, and nothing is stored again.
  await page.locator('[data-tab="myths"]').click();
  const search = page.locator('[data-section="myths"] input[type="search"]');
  await search.waitFor();
  assert.equal(await search.inputValue(), "");
  await page.locator('[data-tab="cost"]').click();
  await page.locator("#kg-cost-route-iv").waitFor();
  assert.equal(await page.locator("#kg-cost-route-oral").isChecked(), false, "the plan is the default one again");
  assert.equal(await page.locator("#kg-cost-route-iv").isChecked(), true);
  assert.deepEqual(await kgKeys(), [], "an untouched tool stores nothing");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the summary downloads as a file made on the device, with the outcome and the date", async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
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
    assert.ok(text.includes(await answerLineOf(page, "data-reason", id)), `file holds reason ${id}`);
  }
  for (const id of persona.other_reason_ids) {
    assert.ok(text.includes(await answerLineOf(page, "data-other-reason", id)), `file holds other answer ${id}`);
    const why = await page.locator(`[data-other-reason="${id}"] p`).first().innerText();
    assert.ok(text.includes(why.replace(/^Why it matters:\s*/, "").trim()), `file holds why ${id} matters`);
  }
  assert.match(text, /\d{4}/, "dated");
  const at = (s) => {
    const i = text.indexOf(s);
    assert.ok(i >= 0, `file holds ${s}`);
    return i;
  };
  assert.ok(at("Help right now") < at("\nResult\n"), "crisis help comes first in the file, as on screen");
  assert.ok(at("988") < at(heading), "the 988 line comes before the outcome");

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
  const crisis = page.locator("[role=alert]");
  assert.ok(await crisis.isVisible(), "the crisis help prints");
  const top = async (l) => (await l.boundingBox()).y;
  assert.ok((await top(crisis)) < (await top(page.locator("[data-outcome]"))), "crisis help prints first, as on screen");
  await screenshot(page, "quiz-result-print");
  auditNetwork(log);
  await context.close();
});

test("two medicines quoted by two rules: the answer is shown once, with both reasons, on screen and in the file", async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const { page } = await openQuiz(context);
  const persona = PERSONAS.find((p) => p.reason_ids.includes("benzodiazepines") && p.reason_ids.includes("lamotrigine"));
  assert.ok(persona, "a persona takes a benzodiazepine and lamotrigine");
  await play(page, persona);
  const line = await answerLineOf(page, "data-reason", "benzodiazepines");
  assert.match(line, /You answered: A benzodiazepine, Lamotrigine/);
  assert.equal(await answerLineOf(page, "data-reason", "lamotrigine"), line, "one answer line for both reasons");
  assert.equal((await answerLines(page)).filter((l) => l === line).length, 1, "shown once on screen");
  await tabTo(page, 'button[data-action="download"]');
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  const text = readFileSync(await download.path(), "utf8");
  assert.equal(text.split(line).length - 1, 1, "shown once in the file");
  for (const id of ["benzodiazepines", "lamotrigine"]) {
    const why = await page.locator(`[data-reason="${id}"] p`).first().innerText();
    assert.ok(text.includes(why.replace(/^Why it matters:\s*/, "").trim()), `file holds why ${id} matters`);
  }
  await page.emulateMedia({ media: "print" });
  assert.equal((await answerLines(page)).filter((l) => l === line).length, 1, "printed once");
  await context.close();
});

for (const colorScheme of ["light", "dark"]) {
  test(`screenshots of a question, the crisis alert and a result (${colorScheme})`, async () => {
    const context = await env.browser.newContext({ colorScheme });
    const { page } = await openQuiz(context);
    const persona = PERSONAS.find((p) => p.crisis && p.outcome === "not-suitable") ?? PERSONAS.find((p) => p.crisis);
    await screenshot(page, `quiz-question-${colorScheme}`);
    await play(page, persona, {
      onHelp: () => screenshot(page, `quiz-crisis-${colorScheme}`),
      onScreen: async (questions) => {
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
  const context = await env.browser.newContext();
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
  const context = await env.browser.newContext();
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
      if (questions.includes("medicines")) await check("a checkbox question");
    },
    onHelp: async () => {
      await check("the crisis help, on its own");
      checkedCrisis = true;
    },
  });
  assert.ok(checkedCrisis);
  await check("the result");
  await press(page, "back");
  await settledFocus(page);
  await check("the review");
  await context.close();
});
