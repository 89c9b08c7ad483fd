// Keyboard alone, over the release build: each tool walked with Tab, Shift+Tab, Enter, Space,
// arrows and typing; every focus stop shows a focus indicator, focus is never dropped on <body>
// after an action, focus moves to each new question and to the result heading, and Tab leaves
// the embed for the host page (no keyboard trap).
import { test } from "node:test";
import assert from "node:assert/strict";
import { env, useServers, openEmbed, watchFocus, deepActive, activeMatches, tabTo, act, focusReport, keyAnswer, quizStep, screenQuestions, persona } from "./a11y-support.mjs";
import { waitReady } from "./helpers.mjs";

useServers();

test("keyboard: the quiz from first question to result, focus always visible and never lost", { timeout: 180000 }, async () => {
  const context = await env.browser.newContext();
  await watchFocus(context);
  const page = await context.newPage();
  await page.goto(env.server.url);
  await waitReady(page);
  await page.locator("fieldset[data-question]").first().waitFor();
  // Into the tab list, then into the quiz.
  await tabTo(page, '[role=tab][aria-selected="true"]');
  await tabTo(page, 'button[data-action="next"]');
  await act(page, "Enter", "Next without an answer");
  assert.ok(await activeMatches(page, "[data-kg-error-summary]"), "focus on the error summary");
  await tabTo(page, "[data-kg-error-summary] a");
  await act(page, "Enter", "the error summary's link");
  assert.ok(await activeMatches(page, 'fieldset[data-question="age"] input'), "the link focuses the field");
  await tabTo(page, ".kg-quiz .kg-disclosure-button");
  await act(page, "Space", "opening Why we ask");
  assert.equal(await page.locator(".kg-quiz .kg-disclosure-button").getAttribute("aria-expanded"), "true");
  await tabTo(page, 'fieldset[data-question="age"] input', { backwards: true });
  const crisis = persona("not-suitable", true);
  for (let guard = 0; guard < 40 && ["question", "help"].includes(await quizStep(page)); guard++) {
    if ((await quizStep(page)) === "help") {
      assert.ok(await activeMatches(page, "[role=alert]"), "focus moves to the crisis message");
      await tabTo(page, '[role=alert] a[href^="tel:988"]');
      await tabTo(page, 'button[data-action="continue"]');
      await act(page, "Enter", "Continue from the crisis help");
      assert.ok(await activeMatches(page, "[data-kg-focus]"), "focus moves to the question that waited");
      continue;
    }
    for (const q of await screenQuestions(page)) await keyAnswer(page, q, crisis.answers[q]);
    await tabTo(page, 'button[data-action="next"]');
    await act(page, "Enter", "Next");
    assert.ok(await activeMatches(page, "[data-kg-focus]"), "focus moves to the new question's heading");
  }
  assert.equal(await quizStep(page), "review");
  await tabTo(page, '[data-review="age"] button[data-action="change"]');
  await act(page, "Enter", "Change");
  assert.ok(await activeMatches(page, "[data-kg-focus]"));
  await tabTo(page, 'button[data-action="next"]');
  await act(page, "Enter", "Save and return to my answers");
  assert.ok(await activeMatches(page, '[data-review="age"]'), "back at the answer just changed");
  await tabTo(page, 'button[data-action="see-result"]');
  await act(page, "Enter", "See the result");
  assert.ok(await activeMatches(page, "[data-outcome] [data-kg-focus]"), "focus moves to the result heading");
  // Everything on the result is reachable and visibly focused, back and forth.
  await tabTo(page, 'button[data-action="restart"]');
  await tabTo(page, 'button[data-action="print"]', { backwards: true });
  await tabTo(page, 'button[data-action="restart"]');
  await act(page, "Enter", "Start again");
  assert.ok(await activeMatches(page, "#kg-quiz-confirm-q"), "the question takes focus");
  await tabTo(page, 'button[data-action="restart-cancel"]');
  await act(page, "Enter", "No, keep my answers");
  assert.ok(await activeMatches(page, 'button[data-action="restart"]'), "focus back on Start again");
  await act(page, "Enter", "Start again");
  await tabTo(page, 'button[data-action="restart-confirm"]');
  await act(page, "Enter", "Yes, clear my answers");
  assert.ok(await activeMatches(page, "[data-kg-focus]"));
  await tabTo(page, "#kg-quiz-remember");
  await act(page, "Space", "Remember on this device");
  await tabTo(page, 'button[data-action="clear"]');
  await act(page, "Enter", "Clear my answers");
  await focusReport(page, 60);
  await context.close();
});

test("keyboard: the myths explorer, focus always visible and never lost", { timeout: 180000 }, async () => {
  const context = await env.browser.newContext();
  await watchFocus(context);
  const page = await context.newPage();
  await page.goto(`${env.server.url}#myths`);
  await waitReady(page);
  const panel = '[role=tabpanel][data-section="myths"]';
  await page.locator(`${panel} article`).first().waitFor();
  await tabTo(page, '[role=tab][aria-selected="true"]');
  await act(page, "ArrowRight", "arrow to the next tab");
  await act(page, "ArrowLeft", "arrow back to the myths tab");
  await tabTo(page, `${panel} input[type=search]`);
  await page.keyboard.type("sleep");
  await tabTo(page, `${panel} [data-filter-verdict="mostly-false"]`);
  await act(page, "Space", "a verdict chip");
  assert.equal(await page.locator(`${panel} [data-filter-verdict="mostly-false"]`).getAttribute("aria-pressed"), "true");
  await tabTo(page, `${panel} .kg-myths-status [data-action="clear"]`);
  await act(page, "Enter", "Clear filters");
  assert.ok(await activeMatches(page, `${panel} input[type=search]`), "focus returns to the search box");
  await page.keyboard.type("zzqx");
  await tabTo(page, `${panel} [data-empty] [data-action="clear"]`);
  await act(page, "Enter", "Clear filters in the empty state");
  await tabTo(page, `${panel} article .kg-disclosure-button`);
  await act(page, "Enter", "Show the evidence");
  await tabTo(page, `${panel} article[data-open="true"] .kg-related a`);
  await act(page, "Enter", "a related claim");
  assert.ok(await activeMatches(page, `${panel} .kg-claim-title`), "focus on the related claim's heading");
  await page.keyboard.press("Tab");
  await tabTo(page, `${panel} [data-action="routes"]`, { backwards: true, max: 200 });
  await act(page, "Enter", "Routes compared");
  assert.ok(await activeMatches(page, `${panel} .kg-routes-title`));
  await tabTo(page, `${panel} .kg-table-scroll`);
  await act(page, "ArrowRight", "scrolling the table");
  await tabTo(page, `${panel} [data-action="back"]`);
  await act(page, "Enter", "Back to the claims");
  assert.ok(await activeMatches(page, `${panel} [data-action="routes"]`), "focus returns to the link");
  await focusReport(page, 20);
  await context.close();
});

test("keyboard: the cost estimator, focus always visible and never lost", { timeout: 180000 }, async () => {
  const context = await env.browser.newContext();
  await watchFocus(context);
  const page = await context.newPage();
  await page.goto(`${env.server.url}#cost`);
  await waitReady(page);
  await page.locator("[data-estimate]").waitFor();
  await tabTo(page, '[role=tab][aria-selected="true"]');
  await tabTo(page, 'input[name="kg-cost-route"]:checked');
  await act(page, "ArrowDown", "the next route");
  await tabTo(page, "#kg-cost-induction_sessions");
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("-3");
  await page.locator("[data-stale]").waitFor();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("8");
  await tabTo(page, "#kg-cost-maintenance_enabled-on");
  await act(page, "Space", "boosters on");
  await tabTo(page, "#kg-cost-boosters_per_month");
  await tabTo(page, 'input[name="kg-cost-coverage"]');
  await act(page, "ArrowDown", "coverage");
  // Walk the rest of the form and the result, forwards to the routes link.
  for (const button of ["kg-cost-calc", "kg-cost-assumptions"]) {
    await tabTo(page, `button[aria-controls="${button}"]`);
    await act(page, "Enter", `open ${button}`);
  }
  await tabTo(page, "[data-routes-link]");
  await tabTo(page, "#kg-cost-induction_sessions", { backwards: true, max: 200 });
  await tabTo(page, "[data-routes-link]", { max: 200 });
  await act(page, "Enter", "the link to the routes table");
  assert.ok(await activeMatches(page, ".kg-routes-title"), "focus on the routes table's heading");
  await focusReport(page, 40);
  await context.close();
});

test("keyboard: no trap in the embed; Tab leaves it for the host's button and Shift+Tab comes back", { timeout: 180000 }, async () => {
  for (const path of ["/clinic.html", "/myths.html"]) {
    const { context, page: p } = await openEmbed(path, {}, watchFocus);
    await p.keyboard.press("Tab");
    assert.ok(await p.evaluate(() => document.activeElement?.tagName === "KETAMINE-GUIDE"), `${path}: first Tab enters the widget`);
    let presses = 1;
    while (!(await p.evaluate(() => document.activeElement?.id === "host-button"))) {
      assert.ok(presses < 400, `${path}: Tab never left the widget`);
      assert.notEqual(await deepActive(p), "body", `${path}: focus lost to <body>`);
      await p.keyboard.press("Tab");
      presses++;
    }
    await p.keyboard.press("Shift+Tab");
    assert.ok(await p.evaluate(() => document.activeElement?.tagName === "KETAMINE-GUIDE"), `${path}: Shift+Tab goes back into the widget`);
    await focusReport(p, 5);
    await context.close();
  }
});
