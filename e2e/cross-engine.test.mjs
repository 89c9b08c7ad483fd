// Cross-engine smoke suite: the core journeys in Gecko (Firefox ESR) and WebKit (WebKitGTK), the
// engines our Chromium suite does not cover. Per engine, in one fresh browser: a cold load to
// `data-ready`, counting the wasm downloads at the server over the whole first visit (offline
// caching included; each file at most once, the main wasm exactly once); a few self-check
// answers with Back; an explorer search with a claim's evidence opened; an estimator change; the
// embed on a second origin; the page again with the server gone (offline after one visit). Any
// console error, page error or unhandled rejection fails it. Drivers: e2e/engines/drivers.mjs.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DIST, ARTIFACTS, clinicPage } from "./helpers.mjs";
import { startServer } from "../tools/serve.mjs";
import { ENGINES } from "./engines/drivers.mjs";
import { SEL } from "./selectors.mjs";

// WebKitWebDriver has no console endpoint: this first script of each test page records what
// the console would show as an error (and warnings, for the report), page errors (script
// errors and resources that failed to load) and unhandled rejections, in window.__kgLog.
const RECORDER = `(() => {
  const log = (window.__kgLog = []);
  for (const level of ["error", "warn"]) {
    const original = console[level];
    console[level] = (...args) => {
      log.push({ type: level, text: args.map((a) => (a && a.message) || String(a)).join(" ") });
      original.apply(console, args);
    };
  }
  addEventListener("error", (e) => log.push({ type: "pageerror", text: String(e.message || (e.target && (e.target.src || e.target.href)) || e.type) }), true);
  addEventListener("unhandledrejection", (e) => log.push({ type: "unhandledrejection", text: String((e.reason && e.reason.message) || e.reason) }));
})();`;
const RECORDER_TAG = '<script src="/kg-recorder.js"></script>';

// The standalone page as shipped, with the recorder first; served beside it as smoke.html (the
// page's own address stays the shipped bytes, which the service worker checks at install).
const smokePage = () => readFileSync(join(DIST, "index.html"), "utf8").replace("<head>", `<head>${RECORDER_TAG}`);

/** The recorded errors (console.error, page errors, unhandled rejections). */
async function errorsOf(s) {
  const recorded = (await s.evaluate(() => window.__kgLog || [])) ?? [];
  const logged = s.logged.filter((m) => m.type === "error" || m.type === "pageerror");
  return [...recorded.filter((m) => m.type !== "warn"), ...logged].map((m) => `${m.type}: ${m.text}`);
}

/** Sets a native radio or checkbox the way a click does (inputs, change events). */
const check = (s, selector) =>
  s.evaluate((sel) => {
    const input = document.querySelector(sel);
    if (!input) throw new Error(`no ${sel}`);
    input.click();
    return true;
  }, selector);

const screen = (s) =>
  s.evaluate((sel) => [...document.querySelectorAll(sel)].map((f) => f.dataset.question).join(" "), SEL.question);

// KG_ENGINES=firefox (or webkit) runs one engine, while working on it.
const only = process.env.KG_ENGINES?.split(",");
for (const [engine, open, available] of ENGINES.filter(([name]) => !only || only.includes(name))) {
  describe(`${engine}: core journeys`, () => {
    const requests = [];
    let server;
    let host;
    let s;
    before(async () => {
      assert.ok(available(), `${engine} is not installed (scripts/lib.sh installs it from Debian)`);
      server = await startServer({
        dir: DIST,
        cors: true,
        immutable: true,
        requests,
        pages: { "/smoke.html": smokePage(), "/kg-recorder.js": RECORDER },
      });
      host = await startServer({
        dir: "/nonexistent",
        pages: {
          "/clinic.html": clinicPage(server.url, '<ketamine-guide id="smoke" sections="quiz cost myths" lang="en"></ketamine-guide>', { head: RECORDER_TAG }),
          "/kg-recorder.js": RECORDER,
        },
      });
      s = await open();
    });
    after(async () => {
      await s?.close();
      await server?.close();
      await host?.close();
    });

    test("a cold load reaches data-ready, downloading the main wasm once (offline caching included)", async () => {
      await s.goto(`${server.url}smoke.html`);
      await s.waitFor((sel) => !!document.querySelector(sel), SEL.ready);
      // The first visit ends once the service worker has cached the release for offline use.
      await s.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      const wasm = requests.filter((p) => p.endsWith(".wasm"));
      const main = wasm.filter((p) => p.endsWith("_bg.wasm"));
      const counts = {};
      for (const p of wasm) counts[p] = (counts[p] ?? 0) + 1;
      console.log(`${engine}: wasm downloads on a cold load (offline caching included): ${JSON.stringify(counts)}`);
      assert.equal(main.length, 1, `${engine} downloaded the main wasm ${main.length} times`);
      assert.deepEqual(Object.entries(counts).filter(([, n]) => n > 1), [], "no wasm file downloaded twice");
      assert.deepEqual(await errorsOf(s), []);
    });

    test("the self-check: a few answers, then Back keeps them", async () => {
      assert.equal(await screen(s), "age");
      await s.type(`${SEL.questionNamed("age")} input`, "40");
      await s.click(SEL.next);
      await s.waitFor((sel) => !document.querySelector(sel), SEL.questionNamed("age"));
      const second = await screen(s);
      assert.ok(second.length > 0, "a second question");
      await check(s, `${SEL.question} input[value="none"]`);
      await s.click(SEL.next);
      await s.waitFor((prev, sel) => [...document.querySelectorAll(sel)].map((f) => f.dataset.question).join(" ") !== prev, second, SEL.question);
      await s.click(SEL.back);
      await s.waitFor((prev, sel) => [...document.querySelectorAll(sel)].map((f) => f.dataset.question).join(" ") === prev, second, SEL.question);
      assert.equal(await s.evaluate((sel) => document.querySelector(`${sel} input[value="none"]`).checked, SEL.question), true, "the answer is kept");
      await s.click(SEL.back);
      await s.waitFor((sel) => !!document.querySelector(sel), SEL.questionNamed("age"));
      assert.equal(await s.evaluate((sel) => document.querySelector(`${sel} input`).value, SEL.questionNamed("age")), "40");
      assert.deepEqual(await errorsOf(s), []);
    });

    test("the explorer: a search, then a claim's evidence opened", async () => {
      await s.click(SEL.tab("myths"));
      await s.waitFor((sel) => !!document.querySelector(sel), SEL.search);
      await s.type(SEL.search, "sleep");
      await s.waitFor((sel) => {
        const cards = [...document.querySelectorAll(sel)];
        return cards.length > 0 && cards.every((a) => a.dataset.topics.split(" ").includes("sleep"));
      }, SEL.claim);
      await s.click(`${SEL.claim} ${SEL.claimToggle}`);
      await s.waitFor((claim, source) => document.querySelector(claim).querySelectorAll(source).length > 0, SEL.claim, SEL.source);
      const styled = await s.evaluate((sel) => getComputedStyle(document.querySelector(sel)).minHeight, SEL.search);
      assert.equal(styled, "44px", "the explorer's own stylesheet applies");
      assert.deepEqual(await errorsOf(s), []);
    });

    test("the estimator: a changed number of sessions updates the estimate", async () => {
      await s.click(SEL.tab("cost"));
      await s.waitFor((sel) => !!document.querySelector(sel), SEL.estimate);
      await s.type(SEL.costNumber, "4");
      await s.waitFor((sel) => document.querySelector(sel)?.dataset.lowCents === String(4 * 40000), SEL.estimate);
      assert.deepEqual(await errorsOf(s), []);
    });

    test("the embed on a second origin, loaded with the snippet's integrity value", async () => {
      const before = requests.length;
      await s.goto(`${host.origin}/clinic.html`);
      await s.waitFor((sel) => !!document.getElementById("smoke")?.shadowRoot?.querySelector(sel), SEL.ready);
      // A change in the estimator, inside the shadow root.
      await s.evaluate((tab) => document.getElementById("smoke").shadowRoot.querySelector(tab).click(), SEL.tab("cost"));
      await s.waitFor((sel) => !!document.getElementById("smoke").shadowRoot.querySelector(sel), SEL.estimate);
      await s.evaluate((sel) => {
        const input = document.getElementById("smoke").shadowRoot.querySelector(sel);
        input.value = "3";
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }, SEL.costNumber);
      await s.waitFor((sel) => document.getElementById("smoke").shadowRoot.querySelector(sel)?.dataset.lowCents === String(3 * 40000), SEL.estimate);
      assert.equal(await s.evaluate(() => location.hash), "", "the host's URL is untouched");
      assert.ok(requests.slice(before).some((p) => p === "/embed.js"), "embed.js came from the widget's origin");
      assert.deepEqual(await errorsOf(s), []);
    });

    test("offline after one visit: the page and its tools work with the server gone", async () => {
      await server.close();
      await s.goto(`${server.url}#myths`);
      await s.waitFor((sel) => !!document.querySelector(sel), SEL.ready);
      await s.waitFor((sel) => !!document.querySelector(sel), SEL.search);
      await s.click(SEL.tab("cost"));
      await s.waitFor((sel) => !!document.querySelector(sel), SEL.estimate);
      await s.screenshot(join(ARTIFACTS, `cross-engine-${engine}-offline.png`));
      // This page is the shipped one, without the recorder: page errors still show up in Gecko's
      // log; the recorder is added now for what follows.
      await s.evaluate(RECORDER);
      await s.type(SEL.costNumber, "5");
      await s.waitFor((sel) => document.querySelector(sel)?.dataset.lowCents === String(5 * 40000), SEL.estimate);
      assert.deepEqual(await errorsOf(s), []);
    });
  });
}
