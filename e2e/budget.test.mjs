// The size budget CI holds: what a cold load of the standalone page downloads before its first
// view is ready, counted as the release build's brotli files (bytes are deterministic, so this
// is a test; timings are not, so they live in tools/bench.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { DIST } from "./helpers.mjs";
import { useBrowserAndServer } from "./setup.mjs";
import { FIRST_VIEW_BUDGET_BYTES, measureFirstView } from "../tools/budget.mjs";

const env = useBrowserAndServer();

test("the first view downloads no more than the byte budget (brotli)", async () => {
  const { files, missing, total } = await measureFirstView(env.browser, env.server.url, DIST);
  assert.deepEqual(missing, [], "every file the first view fetched is in the build");
  const names = files.map((f) => f.name);
  // The page, its script, the wasm and the first tool's text, at least.
  for (const kind of [/^index\.html$/, /\.wasm$/, /^boot-/, /^kg-en-ui-/, /^kg-en-quiz-/]) {
    assert.ok(names.some((f) => kind.test(f)), `first view fetched nothing matching ${kind}: ${names}`);
  }
  // The server really sent brotli (so the budget measures what a browser receives).
  assert.equal(files.find((f) => f.name.endsWith(".wasm")).encoding, "br");
  assert.ok(
    total <= FIRST_VIEW_BUDGET_BYTES,
    `first view is ${total} bytes brotli, over the budget of ${FIRST_VIEW_BUDGET_BYTES}:\n` +
      files.map((f) => `${f.name}: ${f.bytes}`).join("\n"),
  );
  console.log(`first view: ${total} bytes brotli (budget ${FIRST_VIEW_BUDGET_BYTES})`);
});
