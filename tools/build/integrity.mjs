// Step 5: what the loaders check files against. Every file the page or an embed fetches after
// its first script is checked against the SHA-256 recorded here at build time, and refused if
// its bytes differ (fetch's `integrity` option, `integrity` on <script> and <link>). Where
// each hash lives follows from when each file is written:
// - the first view's files (the wasm, the shell's and the self-check's text): in boot.js;
// - every other file the app may fetch: in `kg-files-<hash>.json`, whose own hash is in
//   boot.js, fetched the first time one of them is needed (when the page opens on the
//   self-check, only after its first view is ready);
// - boot.js, the glue and the page's stylesheet: in index.html; embed.js carries all of them
//   itself, and the snippet that loads it carries its hash.
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { hashOf, sha256 } from "./context.mjs";

/** name → SHA-256 (base64) of each named file of the bundle's top folder. */
export const hashesOf = (build, names) =>
  Object.fromEntries(names.map((name) => [name, sha256(readFileSync(join(build.staging, name)))]));

/** The files an app may fetch: every file of the bundle's top folder but pages and icons. */
export const fetchable = (build) =>
  readdirSync(build.staging)
    .filter((f) => statSync(join(build.staging, f)).isFile() && /\.(js|wasm|css|json)$/.test(f))
    .sort();

/** Writes `kg-files-<hash>.json`, the hashes of the files the first view does not fetch. */
export function writeFileList(build, names) {
  const text = JSON.stringify(hashesOf(build, names));
  const name = `kg-files-${hashOf(text)}.json`;
  writeFileSync(join(build.staging, name), text);
  return name;
}
