// Performance report (not a test): bytes shipped per asset (raw / gzip / brotli) and the time
// from navigation to the first interactive view (`data-ready`) over N loads in headless Chromium.
// Usage: node tools/bench.mjs [--loads N]   (expects a release build in dist/)
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, extname } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { launch, serveDist, DIST } from "../e2e/helpers.mjs";

const args = process.argv.slice(2);
const loads = Number(args[args.indexOf("--loads") + 1] || 0) || 20;

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
const rows = [];
for (const name of readdirSync(DIST).sort()) {
  const path = join(DIST, name);
  if (!statSync(path).isFile()) continue;
  const raw = readFileSync(path);
  const gz = gzipSync(raw, { level: 9 }).length;
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  rows.push({ name, raw: raw.length, gz, br, ext: extname(name) });
}
// The first view needs the page, its CSS, the loader, the JS glue and the wasm.
const firstView = rows.filter((r) => [".html", ".css", ".js", ".wasm"].includes(r.ext) && !/^(sw|embed)\b/.test(r.name) && r.name !== "embed.html");
const sum = (list, k) => list.reduce((a, r) => a + r[k], 0);

console.log("\nBytes shipped (KiB)");
console.log("asset".padEnd(44) + "raw".padStart(8) + "gzip".padStart(8) + "brotli".padStart(8));
for (const r of rows) console.log(r.name.padEnd(44) + kb(r.raw) + kb(r.gz) + kb(r.br));
console.log("first view total".padEnd(44) + kb(sum(firstView, "raw")) + kb(sum(firstView, "gz")) + kb(sum(firstView, "br")));

const server = await serveDist();
const browser = await launch();
const times = [];
try {
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      new MutationObserver((_, obs) => {
        if (document.querySelector('.kg-app[data-ready="true"]')) {
          window.__kgReady = performance.now();
          obs.disconnect();
        }
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    await page.goto(server.url);
    await page.waitForFunction(() => window.__kgReady !== undefined, null, { timeout: 20000 });
    times.push(await page.evaluate(() => window.__kgReady));
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
times.sort((a, b) => a - b);
const pct = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))];
console.log(`\nNavigation → data-ready over ${loads} cold loads (fresh context each), ms`);
console.log(`median ${pct(50).toFixed(1)}   p95 ${pct(95).toFixed(1)}   min ${times[0].toFixed(1)}   max ${times.at(-1).toFixed(1)}`);
