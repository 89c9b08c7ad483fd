// Performance report (not a test). Expects a release build in dist/ (or KG_DIST).
//   1. bytes per asset, raw / gzip / brotli, and the first view's total;
//   2. navigation → first interactive view (`data-ready`), median and p95 over N cold loads, side
//      by side with a static HTML snapshot of the same first view (the ratio is the figure);
//   3. interaction latency, median and p95: quiz answer → next question painted, search
//      keystroke → list updated, cost input → estimate updated;
//   4. wasm memory after a journey through all three tools.
//   With --against DIR (another build, e.g. the previous release's dist/), the cold loads of
//   the two builds alternate in the same run, so a noisy machine affects both alike.
// Usage: node tools/bench.mjs [--loads N] [--runs N] [--against DIR]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, extname } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { launch, serveDist, DIST } from "../e2e/helpers.mjs";
import { FIRST_VIEW_BUDGET_BYTES, FIRST_VIEW_TARGET_BYTES, measureFirstView } from "./budget.mjs";

const args = process.argv.slice(2);
const arg = (name, fallback) => Number(args[args.indexOf(`--${name}`) + 1] || 0) || fallback;
const loads = arg("loads", 20);
const runs = arg("runs", 30);
const against = args.includes("--against") ? args[args.indexOf("--against") + 1] : null;

// --- 1. bytes --------------------------------------------------------------------------------
const kb = (n) => (n / 1024).toFixed(1).padStart(9);
const rows = [];
for (const name of readdirSync(DIST).sort()) {
  const path = join(DIST, name);
  if (!statSync(path).isFile() || name.endsWith(".br")) continue;
  const raw = readFileSync(path);
  const gz = gzipSync(raw, { level: 9 }).length;
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  rows.push({ name, raw: raw.length, gz, br });
}
// --- 2. start-up ----------------------------------------------------------------------------
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
  return { median: at(50), p95: at(95) };
};
const fmt = (x) => x.toFixed(1).padStart(8);
const watchReady = () => {
  new MutationObserver((_, obs) => {
    if (document.querySelector('.kg-app[data-ready="true"]')) {
      window.__kgReady = performance.now();
      obs.disconnect();
      // Reported through the console, so no Playwright script runs in the page while it starts.
      console.debug("kg-ready");
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
  addEventListener("TrunkApplicationStarted", (e) => (window.__kgWasm = e.detail.wasm));
};

const browser = await launch();
const server = await serveDist();

// What the standalone page fetches before its first view is ready (shared with the budget test).
const firstView = await measureFirstView(browser, server.url, DIST);
const firstViewNames = new Set(firstView.files.map((f) => f.name));
console.log("\n## Bytes shipped (KiB)\n");
console.log("asset".padEnd(44) + "raw".padStart(9) + "gzip".padStart(9) + "brotli".padStart(9) + "  first view");
for (const r of rows) console.log(r.name.padEnd(44) + kb(r.raw) + kb(r.gz) + kb(r.br) + (firstViewNames.has(r.name) ? "  ✓" : ""));
console.log(
  `\nfirst view, as shipped: ${firstView.total} bytes brotli in ${firstView.files.length} files ` +
    `(CI budget ${FIRST_VIEW_BUDGET_BYTES}, issue target ${FIRST_VIEW_TARGET_BYTES})`,
);
async function coldLoad(url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(watchReady);
  // Waiting with `waitForFunction` (or for the load event, then evaluating) would inject
  // Playwright's helper script mid start-up: ~20 ms of main-thread parsing counted against the
  // app but not the twin, which is ready before its load event. The console message costs nothing.
  const ready = page.waitForEvent("console", { predicate: (m) => m.text() === "kg-ready", timeout: 20000 });
  await page.goto(url, { waitUntil: "commit" });
  await ready;
  const t = await page.evaluate(() => window.__kgReady);
  // Start-up phases (marks written by boot.js; the static twin has none).
  const p = await page.evaluate(() => {
    const mark = (n) => performance.getEntriesByName(n)[0]?.startTime;
    const res = (re) => performance.getEntriesByType("resource").find((e) => re.test(e.name))?.responseEnd;
    return { boot: mark("kg-boot"), wasmLoaded: res(/\.wasm$/), wasm: mark("kg-wasm") };
  });
  await context.close();
  phases.push({ ...p, ready: t, url });
  return t;
}
const phases = [];
try {
  // The static twin: the app's own first view, rendered once, saved as plain HTML + the same CSS.
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForSelector('.kg-app[data-ready="true"]');
  const snapshot = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/g, "").replace(/<link rel="(modulepreload|preload)"[^>]*>/g, "");
  await page.close();
  // The floor for any page made ready by script: the same snapshot, but `data-ready` is set by one
  // tiny external module script, where the app's loader sits. It is what the app could reach if
  // its wasm cost nothing at all.
  const unready = snapshot.replace(/(<[^>]*class="kg-app[^"]*"[^>]*?) data-ready="true"/, "$1");
  if (unready === snapshot) throw new Error("the snapshot has no .kg-app[data-ready]");
  const scripted = unready.replace("</head>", '<script type="module" src="./bench-ready.js"></script></head>');
  const twin = await serveDist({
    pages: {
      "/static.html": snapshot,
      "/scripted.html": scripted,
      "/bench-ready.js": 'document.querySelector(".kg-app").setAttribute("data-ready", "true");',
    },
  });

  const app = [];
  const stat = [];
  const floor = [];
  const other = [];
  const otherServer = against ? await serveDist({ dir: against }) : null;
  for (let i = 0; i < loads; i++) {
    app.push(await coldLoad(server.url));
    if (otherServer) other.push(await coldLoad(otherServer.url));
    stat.push(await coldLoad(`${twin.url}static.html`));
    floor.push(await coldLoad(`${twin.url}scripted.html`));
  }
  await twin.close();
  await otherServer?.close();
  const a = stats(app);
  const phasesOf = (url) => phases.filter((p) => p.url === url && p.boot !== undefined);
  const appPhases = phasesOf(server.url);
  const phase = (k, of = appPhases) => stats(of.map((p) => p[k])).median;
  const s = stats(stat);
  console.log(`\n## Navigation → first interactive view, ${loads} cold loads each (ms)\n`);
  console.log("page".padEnd(28) + "median".padStart(8) + "p95".padStart(8));
  console.log("app (data-ready)".padEnd(28) + fmt(a.median) + fmt(a.p95));
  console.log("static HTML twin".padEnd(28) + fmt(s.median) + fmt(s.p95));
  console.log("ratio app / static".padEnd(28) + fmt(a.median / s.median) + fmt(a.p95 / s.p95));
  if (against) {
    const o = stats(other);
    const of = phasesOf(otherServer.url);
    console.log(`--against ${against}`.padEnd(28) + fmt(o.median) + fmt(o.p95) + "   (loads alternated with the app's)");
    console.log(`  its phases, median ms: loader runs ${phase("boot", of).toFixed(0)}, wasm downloaded ` +
      `${phase("wasmLoaded", of).toFixed(0)}, wasm started ${phase("wasm", of).toFixed(0)}, data-ready ${phase("ready", of).toFixed(0)}`);
  }
  const f = stats(floor);
  console.log("floor: one tiny script".padEnd(28) + fmt(f.median) + fmt(f.p95) + "   (ratio " + (f.median / s.median).toFixed(2) + ")");
  console.log("\nstart-up phases, median ms from navigation: boot.js (with the JS glue) runs " + phase("boot").toFixed(0) +
    ", wasm downloaded " + phase("wasmLoaded").toFixed(0) +
    ", wasm started (first render begun) " + phase("wasm").toFixed(0) + ", data-ready " + phase("ready").toFixed(0));

  // --- 3. interactions ------------------------------------------------------------------------
  const context = await browser.newContext();
  const p = await context.newPage();
  await p.addInitScript(watchReady);
  await p.goto(server.url);
  await p.waitForFunction(() => window.__kgReady !== undefined);
  const measure = (fn) =>
    p.evaluate(fn).then((ms) => {
      if (typeof ms?.updated !== "number") throw new Error(`measurement failed: ${JSON.stringify(ms)}`);
      return ms;
    });
  // Each probe: act, then time until the DOM shows the result (a MutationObserver, so no polling
  // delay; Performance marks `<name>-start` / `-updated`) and until the next frame after it.
  await p.evaluate(() => {
    window.__kgProbe = async (name, act, done) => {
      const root = document.querySelector(".kg-app");
      const t0 = performance.now();
      performance.mark(`${name}-start`);
      await new Promise((resolve) => {
        const mo = new MutationObserver(() => {
          if (done()) {
            mo.disconnect();
            resolve();
          }
        });
        mo.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
        act();
      });
      performance.mark(`${name}-updated`);
      const updated = performance.measure(`${name}: updated`, `${name}-start`, `${name}-updated`).duration;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      return { updated, painted: performance.now() - t0 };
    };
    window.__kgSettle = async (cond) => {
      while (!cond()) await new Promise((r) => setTimeout(r, 1));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    };
  });
  const quiz = [];
  const search = [];
  const cost = [];
  for (let i = 0; i < runs; i++) {
    quiz.push(
      await measure(`(async () => {
        const input = document.querySelector('fieldset[data-question="age"] input');
        input.value = "40"; input.dispatchEvent(new Event("input", { bubbles: true }));
        await __kgSettle(() => true);
        const r = await __kgProbe("quiz-answer",
          () => document.querySelector('button[data-action="next"]').click(),
          () => !document.querySelector('fieldset[data-question="age"]') && document.querySelector('fieldset[data-question]'));
        document.querySelector('button[data-action="back"]').click();
        await __kgSettle(() => document.querySelector('fieldset[data-question="age"]'));
        return r;
      })()`),
    );
  }
  await p.locator('[data-tab="myths"]').click();
  await p.locator('[data-section="myths"] input[type="search"]').waitFor();
  for (let i = 0; i < runs; i++) {
    search.push(
      await measure(`(async () => {
        const box = document.querySelector('[data-section="myths"] input[type="search"]');
        const before = document.querySelectorAll('[data-section="myths"] article').length;
        const r = await __kgProbe("search-keystroke",
          () => { box.value = ${i} % 2 ? "" : "sleep"; box.dispatchEvent(new Event("input", { bubbles: true })); },
          () => document.querySelectorAll('[data-section="myths"] article').length !== before);
        return r;
      })()`),
    );
  }
  await p.locator('[data-tab="cost"]').click();
  await p.locator("[data-estimate]").waitFor();
  for (let i = 0; i < runs; i++) {
    cost.push(
      await measure(`(async () => {
        const input = document.querySelector('[data-section="cost"] input[type="number"]');
        const before = document.querySelector("[data-estimate]").dataset.lowCents;
        const r = await __kgProbe("cost-input",
          () => { input.value = String(${(i % 9) + 2}); input.dispatchEvent(new Event("input", { bubbles: true })); },
          () => document.querySelector("[data-estimate]").dataset.lowCents !== before);
        return r;
      })()`),
    );
  }
  console.log(`\n## Interactions, ${runs} runs each (ms): until the DOM shows the result, and until the next frame after it\n`);
  console.log("interaction".padEnd(36) + "updated median".padStart(16) + "p95".padStart(8) + "painted median".padStart(16) + "p95".padStart(8));
  for (const [name, xs] of [["quiz answer → next question", quiz], ["search keystroke → list updated", search], ["cost input → estimate updated", cost]]) {
    const u = stats(xs.map((x) => x.updated));
    const q = stats(xs.map((x) => x.painted));
    console.log(name.padEnd(36) + fmt(u.median).padStart(16) + fmt(u.p95) + fmt(q.median).padStart(16) + fmt(q.p95));
  }
  console.log("(painted includes waiting for the next animation frame: up to ~16.7 ms of it is the frame itself)");

  // --- 4. memory ------------------------------------------------------------------------------
  const bytes = await p.evaluate(() => window.__kgWasm?.memory?.buffer.byteLength ?? null);
  console.log(`\n## wasm linear memory after the journeys: ${bytes === null ? "n/a" : (bytes / 1048576).toFixed(2) + " MiB"}`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
