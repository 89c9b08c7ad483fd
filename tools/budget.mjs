// The first view's byte budget, held by e2e/budget.test.mjs and reported by tools/bench.mjs:
// brotli bytes a cold load of the standalone page downloads before `data-ready`.
//
// The limit is 120 KB (goal 80 KB). Raised once, by the measured 890 bytes, for a
// safety fix that did not fit after trimming: crisis help shown first, with its call and text
// links, and "Need help now?" on every tool (see README, "Performance report"). Raised again
// by the measured 50 bytes for a correctness fix: every source shows its kind, our note and the
// date a web page was read, and every file is checked against its hash (issues 15 and 20),
// after moving the traced figures' and "About this guide"'s styles out of the first view.
// Raise it only for such a fix; lower it towards the goal with every saving.
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";

export const FIRST_VIEW_BUDGET_BYTES = 120_993;

/** The target, for reports. */
export const FIRST_VIEW_TARGET_BYTES = 120_000;

/**
 * Loads `url` cold (no service worker) in `browser` and lists what it fetched before
 * `data-ready`: asked for before the page set it, by the page's own clock where the browser
 * records the request (a request it does not record, such as the icon, always counts). For each
 * file: its path in `dist`, its size as shipped (the precompressed `.br` copy where there is
 * one; images are already compressed), and the Content-Encoding it came with.
 * `missing` lists requested paths that are not in `dist`.
 */
export async function measureFirstView(browser, url, dist) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const nameOf = (r) => new URL(r.url()).pathname.replace(/^\//, "") || "index.html";
  const encodings = new Map();
  let ready = false;
  page.on("request", (r) => {
    if (!ready && !encodings.has(nameOf(r))) encodings.set(nameOf(r), undefined);
  });
  page.on("response", (r) => {
    const name = nameOf(r);
    if (encodings.has(name)) encodings.set(name, r.headers()["content-encoding"]);
  });
  // The moment data-ready is set, taken in the page: Playwright notices it a little later, and
  // files first asked for in between (after the first view was ready) are not part of it.
  await page.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (document.querySelector('.kg-app[data-ready="true"]')) {
        window.__kgReadyAt = performance.now();
        obs.disconnect();
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  await page.goto(url);
  await page.waitForSelector('.kg-app[data-ready="true"]', { state: "attached", timeout: 20000 });
  ready = true;
  // A request's timing entry appears once it has finished: let the ones under way finish.
  await page.waitForLoadState("networkidle");
  const late = await page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .filter((e) => e.startTime > window.__kgReadyAt)
      .map((e) => new URL(e.name).pathname.replace(/^\//, "")),
  );
  for (const name of late) encodings.delete(name);
  await context.close();
  const files = [];
  const missing = [];
  for (const [name, encoding] of encodings) {
    const path = join(dist, name);
    if (!existsSync(path)) {
      missing.push(name);
      continue;
    }
    const bytes = existsSync(`${path}.br`) ? statSync(`${path}.br`).size : statSync(path).size;
    files.push({ name, bytes, encoding });
  }
  return { files, missing, total: files.reduce((a, f) => a + f.bytes, 0) };
}
