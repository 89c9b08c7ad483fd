// Step 8 (release): the offline app's service worker, `sw.js` (tools/runtime/sw.js), with the
// files it precaches and each one's integrity value, and a cache named after their content,
// so every release gets a fresh cache and the old ones are deleted when the new worker
// activates.
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { createHash } from "node:crypto";
import { fill, runtimeFile, sri, walk } from "./context.mjs";

export function writeServiceWorker(build) {
  const { staging } = build;
  const assets = walk(staging)
    .map((p) => relative(staging, p).split("\\").join("/"))
    .filter((p) => p !== "sw.js" && !p.startsWith(".") && !p.endsWith(".br"))
    .sort();
  const digest = createHash("sha256");
  for (const a of assets) digest.update(a).update(readFileSync(join(staging, a)));
  const cacheName = `kg-${digest.digest("hex").slice(0, 16)}`;
  const entries = assets.map((a) => [`./${a}`, sri(readFileSync(join(staging, a)))]);
  // The page's own address, "./", is index.html.
  entries.unshift(["./", sri(readFileSync(join(staging, "index.html")))]);
  const sw = fill(runtimeFile("sw.js"), {
    CACHE: cacheName,
    ASSETS: JSON.stringify(entries, null, 1),
  }, "sw.js");
  writeFileSync(join(staging, "sw.js"), sw);
  console.log(`post-build: sw.js caches ${entries.length} entries as ${cacheName}`);
}
