// Step 7 (release): the offline app's service worker, `sw.js` (tools/runtime/sw.js), with the
// list of files it precaches and a cache named after their content, so every release gets a
// fresh cache and the old ones are deleted when the new worker activates.
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { createHash } from "node:crypto";
import { fill, runtimeFile, walk } from "./context.mjs";

export function writeServiceWorker(build) {
  const { staging } = build;
  const assets = walk(staging)
    .map((p) => relative(staging, p).split("\\").join("/"))
    .filter((p) => p !== "sw.js" && !p.startsWith(".") && !p.endsWith(".br"))
    .sort();
  const digest = createHash("sha256");
  for (const a of assets) digest.update(a).update(readFileSync(join(staging, a)));
  const cacheName = `kg-${digest.digest("hex").slice(0, 16)}`;
  const sw = fill(runtimeFile("sw.js"), {
    CACHE: cacheName,
    ASSETS: JSON.stringify(["./", ...assets.map((a) => `./${a}`)], null, 2),
  }, "sw.js");
  writeFileSync(join(staging, "sw.js"), sw);
  console.log(`post-build: sw.js caches ${assets.length + 1} entries as ${cacheName}`);
}
