// Shared by the accessibility e2e files (a11y*.test.mjs): servers for the standalone page and
// an embed host page, axe-core with the WCAG 2.x A/AA tags, quiz players, keyboard and focus
// probes, and the target-size measure. Not a test file itself.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { launch, serveDist, waitReady, ROOT } from "./helpers.mjs";
import { startServer } from "../tools/serve.mjs";

const AXE = readFileSync(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
export const PERSONAS = JSON.parse(readFileSync(join(ROOT, "e2e", "fixtures", "quiz-personas.json"), "utf8"));
export const THEMES = ["light", "dark"];
export const SECTIONS = ["quiz", "myths", "cost"];
/** axe context path into the embed's open shadow root. */
export const EMBED = ["ketamine-guide", ".kg-app"];

/** The browser and servers of the current test file (set by `useServers`). */
export const env = {};

/**
 * Starts the app's server, a CORS asset server and embed host pages for this file: the shared
 * ones and `more` (path → `{ head, body }`).
 */
export function useServers(more = {}) {
  before(async () => {
    env.server = await serveDist();
    const assets = (env.assets = await serveDist({ cors: true }));
    // The shared host pages allow both colour schemes, so the embed follows the device's
    // setting and the dark runs test the dark theme.
    const page = (body, head = `<meta name="color-scheme" content="light dark">`) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1"><title>Example clinic</title>${head}
  <script src="${assets.url}embed.js" defer></script></head>
  <body><main><h1>Example clinic</h1><p>Our services.</p>${body}
  <button id="host-button" type="button">Host button</button></main></body></html>`;
    const extra = Object.fromEntries(Object.entries(more).map(([path, p]) => [path, page(p.body, p.head)]));
    env.host = await startServer({
      dir: "/nonexistent",
      pages: {
        "/clinic.html": page(`<ketamine-guide sections="quiz myths cost" cta-href="https://clinic.example/book" cta-label="Book a visit"></ketamine-guide>`),
        "/myths.html": page(`<ketamine-guide sections="myths"></ketamine-guide>`),
        ...extra,
      },
    });
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
    await env.assets?.close();
    await env.host?.close();
  });
}

// ---------------------------------------------------------------------------------------------
// Page helpers. `root` is a locator scope: the page itself, or the embed element (Playwright
// locators pierce open shadow roots).

export async function openApp(hash = "", options = {}) {
  const context = await env.browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  await page.goto(`${env.server.url}${hash}`);
  await waitReady(page);
  return { context, page, errors };
}

export async function openEmbed(path = "/clinic.html", options = {}, prepare = async () => {}) {
  const context = await env.browser.newContext(options);
  await prepare(context);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  await page.goto(`${env.host.origin}${path}`);
  await page.waitForFunction(() => document.querySelector("ketamine-guide")?.shadowRoot?.querySelector('.kg-app[data-ready="true"]'), null, {
    timeout: 20000,
  });
  return { context, page, errors, root: page.locator("ketamine-guide") };
}

/** Runs axe with the WCAG 2.x A/AA tags; returns the violations in a printable form and how
 * many nodes the rules looked at (so a context that matched nothing cannot pass silently). */
export async function axe(page, context = null) {
  if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ content: AXE });
  return page.evaluate(
    async ({ context, tags }) => {
      const r = await window.axe.run(context ?? document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
      return {
        looked: r.passes.reduce((n, p) => n + p.nodes.length, 0) + r.violations.reduce((n, v) => n + v.nodes.length, 0),
        violations: r.violations.map((v) => ({
          id: v.id,
          help: v.help,
          nodes: v.nodes.map((n) => ({ target: n.target.flat().join(" >>> "), summary: n.failureSummary.replace(/\s+/g, " ") })),
        })),
      };
    },
    { context, tags: TAGS },
  );
}

const printable = (violations) =>
  violations.map((v) => `${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target}\n      ${n.summary}`).join("\n")}`).join("\n");

/** Collects axe results per named state; asserts once at the end so every state is reported. */
export function checker(page, theme, context = null) {
  const found = [];
  let checked = 0;
  return {
    async check(state) {
      const { looked, violations: v } = await axe(page, context);
      assert.ok(looked >= 20, `axe looked at only ${looked} nodes on ${state}`);
      checked++;
      if (v.length) found.push(`── ${state} (${theme}) ──\n${printable(v)}`);
    },
    done(min) {
      assert.ok(checked >= min, `checked ${checked} states, expected at least ${min}`);
      assert.equal(found.length, 0, `axe violations:\n${found.join("\n")}`);
    },
  };
}

// Quiz, by clicks (the quiz's own e2e plays every persona by keyboard).
export const quizStep = (root) => root.locator(".kg-quiz").getAttribute("data-step");
export const screenQuestions = (root) => root.locator("fieldset[data-question]").evaluateAll((els) => els.map((e) => e.dataset.question));

export async function answer(root, question, value) {
  if (value === undefined || value === null) return;
  const field = root.locator(`fieldset[data-question="${question}"]`);
  const kind = await field.locator("input").first().getAttribute("type");
  if (kind === "text") await field.locator("input").fill(String(value));
  else if (kind === "radio") await field.locator(`input[value="${value}"]`).check();
  else for (const v of value) await field.locator(`input[value="${v}"]`).check();
}

export async function next(root, action = "next") {
  const where = () => root.locator(".kg-quiz").evaluate((el) => `${el.dataset.step} ${el.querySelector("form")?.dataset.screen}`);
  const before = await where();
  await root.locator(`.kg-quiz button[data-action="${action}"]`).click();
  for (let i = 0; i < 250 && (await where()) === before; i++) await new Promise((r) => setTimeout(r, 20));
  assert.notEqual(await where(), before, `${action} moved on`);
}

/** Plays a persona to the result; `onScreen(questions)` runs on each question screen,
 * `onHelp()` on the crisis help that comes first after a crisis answer. */
export async function play(root, persona, { onScreen, onReview, onHelp } = {}) {
  for (let guard = 0; guard < 40 && ["question", "help"].includes(await quizStep(root)); guard++) {
    if ((await quizStep(root)) === "help") {
      if (onHelp) await onHelp();
      await next(root, "continue");
      continue;
    }
    const questions = await screenQuestions(root);
    for (const q of questions) await answer(root, q, persona.answers[q]);
    if (onScreen) await onScreen(questions);
    await next(root);
  }
  assert.equal(await quizStep(root), "review");
  if (onReview) await onReview();
  await next(root, "see-result");
  await root.locator("[data-outcome]").waitFor();
}

export const persona = (outcome, crisis = false) => PERSONAS.find((p) => p.outcome === outcome && p.crisis === crisis);

export async function showSection(root, section) {
  await root.locator(`[role=tab][data-tab="${section}"]`).click();
  await root.locator(`[role=tabpanel][data-section="${section}"]:not([hidden])`).waitFor();
}

// ---------------------------------------------------------------------------------------------
// Keyboard and focus probes.

/** Watches every focus change (inside open shadow roots too) and notes stops without a ring. */
export function watchFocus(context) {
  return context.addInitScript(() => {
    const log = (window.__kgFocus = { stops: 0, hidden: [] });
    const describe = (el) =>
      `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : ""}` +
      (el.dataset?.action ? `[data-action=${el.dataset.action}]` : "") +
      ` "${(el.innerText || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 40)}"`;
    const ring = (el) => {
      const cs = getComputedStyle(el);
      return (cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) >= 2) || cs.boxShadow !== "none";
    };
    const watch = (root) =>
      root.addEventListener(
        "focusin",
        (e) => {
          const el = e.composedPath()[0];
          // The host page's own controls are the host's business.
          if (!(el instanceof Element) || el.shadowRoot || !el.closest(".kg-app")) return;
          log.stops++;
          if (!ring(el)) log.hidden.push(describe(el));
        },
        true,
      );
    watch(document);
    // The embed's shadow root is created later; watch it too when it appears.
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const root = attach.call(this, init);
      watch(root);
      return root;
    };
  });
}

export const deepActive = (page) =>
  page.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a === document.body || !a ? "body" : a.outerHTML.slice(0, 120);
  });
export const activeMatches = (page, selector) =>
  page.evaluate((s) => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return !!a && a.matches(s);
  }, selector);

export async function tabTo(page, selector, { backwards = false, max = 120 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await activeMatches(page, selector)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Presses a key and checks that focus did not fall back to <body>. */
export async function act(page, key, what) {
  await page.keyboard.press(key);
  await page.waitForTimeout(30);
  assert.notEqual(await deepActive(page), "body", `focus lost to <body> after ${what}`);
}

export async function focusReport(page, min) {
  const { stops, hidden } = await page.evaluate(() => window.__kgFocus);
  assert.ok(stops >= min, `only ${stops} focus stops seen`);
  assert.deepEqual(hidden, [], "every focus stop shows a focus indicator");
  return stops;
}

/** Answers one question with the keyboard (as a person would: Tab, Space, arrows, typing). */
export { answer as keyAnswer } from "./pages/self-check.mjs";

// ---------------------------------------------------------------------------------------------

/** Unfolds the explorer's filter chips where a narrow screen folds them behind "Filters". */
export async function openFilters(panel) {
  const toggle = panel.locator('button[data-action="filters"]');
  await toggle.waitFor({ state: "attached" });
  if ((await toggle.isVisible()) && (await toggle.getAttribute("aria-expanded")) === "false") await toggle.click();
}

/** Brings each section into a busy state: a quiz error, an open claim, boosters and insurance. */
export async function busy(root, section) {
  const panel = root.locator(`[role=tabpanel][data-section="${section}"]`);
  if (section === "quiz") {
    await panel.locator('button[data-action="next"]').click();
    await panel.locator("[data-kg-error-summary]").waitFor();
    await panel.locator(".kg-disclosure-button").first().click();
  } else if (section === "myths") {
    await openFilters(panel);
    await panel.locator('[data-filter-verdict="mostly-false"]').click();
    await panel.locator("article .kg-disclosure-button").first().click();
    await panel.locator('article[data-open="true"]').waitFor();
  } else {
    await panel.locator("#kg-cost-route-esketamine").check();
    await panel.locator("#kg-cost-maintenance_enabled-on").check();
    await panel.locator("#kg-cost-coverage-percent").check();
    await panel.locator("#kg-cost-induction_sessions").fill("-3");
    await panel.locator("[data-stale]").waitFor();
  }
}

// ---------------------------------------------------------------------------------------------
// Target size (WCAG 2.5.8): every button, link, input, select and summary of the widget that
// is smaller than 24×24 CSS px, except links inside a sentence.

export async function smallTargets(page) {
  return page.evaluate(() => {
    const small = [];
    const roots = [document, ...[...document.querySelectorAll("ketamine-guide")].map((e) => e.shadowRoot).filter(Boolean)];
    for (const root of roots) {
      for (const el of root.querySelectorAll(".kg-app button, .kg-app a[href], .kg-app input, .kg-app select, .kg-app summary, .kg-app [tabindex='0']")) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue; // not rendered (hidden panel, closed part)
        if (el.tagName === "A" && getComputedStyle(el).display === "inline") {
          // Inline exception: a link that shares its line with other words of a sentence.
          let block = el.parentElement;
          while (block && getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
          if (block && block.textContent.trim().length > el.textContent.trim().length) continue;
        }
        if (box.width < 24 || box.height < 24) {
          small.push(`${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""} "${(el.textContent || el.value || "").trim().slice(0, 40)}" ${box.width.toFixed(1)}×${box.height.toFixed(1)}`);
        }
      }
    }
    return small;
  });
}

