// The self-check's page object: plays it by keyboard alone (Tab, Shift+Tab, Space, arrow keys,
// typing, Enter; no clicks). Shared by the quiz, privacy, Spanish and accessibility journeys.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../helpers.mjs";

export const PERSONAS = JSON.parse(readFileSync(join(ROOT, "e2e", "fixtures", "quiz-personas.json"), "utf8"));

export const isActive = (page, selector) =>
  page.evaluate((s) => !!document.activeElement && document.activeElement.matches(s), selector);

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`. */
export async function tabTo(page, selector, { backwards = false, max = 90 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await isActive(page, selector)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Waits until the step finished moving focus: to the new heading (or the crisis message, or
 * the row just changed), or to the error summary. */
export async function settledFocus(page) {
  await page.waitForFunction(() => document.activeElement?.matches("[data-kg-focus], [data-kg-error-summary]"));
}

export const step = (page) => page.locator(".kg-quiz").getAttribute("data-step");
export const screenQuestions = (page) =>
  page.locator("fieldset[data-question]").evaluateAll((els) => els.map((e) => e.dataset.question));

/** Answers one question by keyboard. An absent answer leaves an optional question blank. */
export async function answer(page, question, value) {
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
export async function press(page, action) {
  await tabTo(page, `button[data-action="${action}"]`);
  await page.keyboard.press("Enter");
}

/**
 * After a crisis answer the help comes first, on its own (data-step="help"): it holds focus,
 * with 988 and 911 as call and text links, and Continue goes on to the next question.
 */
export async function passCrisisHelp(page, { onHelp } = {}) {
  assert.equal(await step(page), "help", "crisis help comes before the next question");
  const alert = page.locator("[role=alert]");
  assert.equal(await alert.count(), 1);
  assert.ok(await isActive(page, "[role=alert]"), "focus on the crisis message");
  assert.equal(await alert.locator('a[href^="tel:988"]').count(), 1, "988 is a call link");
  assert.equal(await alert.locator('a[href^="sms:988"]').count(), 1, "988 is a text link");
  assert.equal(await alert.locator('a[href="tel:911"]').count(), 1, "911 is a call link");
  if (onHelp) await onHelp();
  await press(page, "continue");
  await settledFocus(page);
}

/** Plays one persona from the first question to the result, by keyboard only. */
export async function play(page, persona, { onScreen, onHelp } = {}) {
  const seen = [];
  for (let guard = 0; guard < 40 && (await step(page)) === "question"; guard++) {
    const questions = await screenQuestions(page);
    for (const q of questions) {
      await answer(page, q, persona.answers[q]);
      seen.push(q);
    }
    if (questions.includes("self_harm")) {
      // Nothing moves under the person's finger while they answer: the help comes after Next.
      assert.equal(await page.locator("[role=alert]").count(), 0, "no alert above the question being answered");
    }
    if (onScreen) await onScreen(questions);
    await press(page, "next");
    await settledFocus(page);
    assert.equal(await page.locator("[data-kg-error-summary]").count(), 0, `Next accepted after ${questions}`);
    assert.ok(await isActive(page, "[data-kg-focus]"), "focus on the new heading");
    if (questions.includes("self_harm") && persona.crisis) await passCrisisHelp(page, { onHelp });
    else assert.notEqual(await step(page), "help", "help first only after a crisis answer");
  }
  assert.equal(await step(page), "review");
  for (const q of Object.keys(persona.answers)) assert.ok(seen.includes(q), `${q} was asked`);
  assert.equal(await page.locator("[role=alert]").count(), persona.crisis ? 1 : 0, "crisis kept on the review");
  await press(page, "see-result");
  await page.locator("[data-outcome]").waitFor();
  await settledFocus(page);
  assert.ok(await isActive(page, "[data-outcome] [data-kg-focus]"), "focus on the result heading");
}
