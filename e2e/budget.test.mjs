// The size budget CI holds: what a cold load of the standalone page downloads before its first
// view is ready, counted as the release build's brotli files (bytes are deterministic, so this
// is a test; timings are not, so they live in tools/bench.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { DIST, recordRequests, waitReady } from "./helpers.mjs";
import { useBrowserAndServer } from "./setup.mjs";
import { FIRST_VIEW_BUDGET_BYTES } from "../tools/budget.mjs";

const env = useBrowserAndServer();

test("the first view downloads no more than the byte budget (brotli)", async () => {
  const context = await env.browser.newContext({ serviceWorkers: "block" });
  const log = recordRequests(context);
  const page = await context.newPage();
  const encodings = new Map();
  page.on("response", async (r) => encodings.set(new URL(r.url()).pathname, (await r.allHeaders())["content-encoding"]));
  await page.goto(env.server.url);
  await waitReady(page, log);
  await context.close();

  const files = [
    ...new Set(
      log.requests
        .filter((r) => !r.afterReady)
        .map((r) => new URL(r.url).pathname.replace(/^\//, "") || "index.html"),
    ),
  ];
  // The page, its script, the wasm and the first tool's text, at least.
  for (const kind of [/^index\.html$/, /\.wasm$/, /^boot-/, /^kg-en-ui-/, /^kg-en-quiz-/]) {
    assert.ok(files.some((f) => kind.test(f)), `first view fetched nothing matching ${kind}: ${files}`);
  }
  let total = 0;
  const rows = [];
  for (const f of files) {
    const path = join(DIST, f);
    assert.ok(existsSync(path), `requested ${f}, which is not in the build`);
    // Text and wasm travel as their precompressed copy; images are already compressed.
    const size = existsSync(`${path}.br`) ? statSync(`${path}.br`).size : statSync(path).size;
    rows.push(`${f}: ${size}`);
    total += size;
  }
  // The server really sent brotli (so the budget measures what a browser receives).
  assert.equal(encodings.get(`/${files.find((f) => f.endsWith(".wasm"))}`), "br");
  assert.ok(
    total <= FIRST_VIEW_BUDGET_BYTES,
    `first view is ${total} bytes brotli, over the budget of ${FIRST_VIEW_BUDGET_BYTES}:\n${rows.join("\n")}`,
  );
  console.log(`first view: ${total} bytes brotli (budget ${FIRST_VIEW_BUDGET_BYTES})`);
});
