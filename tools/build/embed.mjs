// Step 7: embed.js (tools/runtime/embed.js), the script a clinic's page loads. It defines
// <ketamine-guide>, loads the glue, the wasm and the stylesheet bundle from its own folder, and
// carries the hash of every file the widget may load. Then the configurator's page loads it
// with its integrity value, which the configurator puts in the snippet it writes.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { fail, fill, packageInfo, runtimeFile } from "./context.mjs";
import { hashesOf } from "./integrity.mjs";

/** The snippet's integrity value for embed.js (SHA-384, the value hosts' tools expect). */
const snippetIntegrity = (data) => `sha384-${createHash("sha384").update(data).digest("base64")}`;

/** Writes embed.js; `files` are the names it may load. Returns its integrity value. */
export function writeEmbed(build, { glueName, wasmName }, stylesName, files) {
  for (const name of [glueName, wasmName, stylesName]) {
    if (!files.includes(name)) fail(`embed.js would load ${name}, which is not in the bundle`);
  }
  const embed = fill(runtimeFile("embed.js"), {
    FILES: JSON.stringify(hashesOf(build, files)),
    GLUE: glueName,
    WASM: wasmName,
    CSS: stylesName,
    VERSION: build.version,
  }, "embed.js");
  writeFileSync(join(build.staging, "embed.js"), embed);
  return snippetIntegrity(embed);
}

/**
 * The configurator's page loads embed.js with its integrity value (and builds the snippet from
 * it), and learns the release it belongs to: the version, and the files its hosting check
 * fetches from a clinic's copy (embed.js, the glue, the main wasm, the stylesheet, the
 * attribute reader's chunk and a content file) with each one's SHA-256.
 */
export function signConfigurator(build, integrity, { glueName, wasmName }, stylesName, files) {
  const path = join(build.staging, "configurator", "index.html");
  let html = readFileSync(path, "utf8");
  const tag = '<script src="../embed.js" defer></script>';
  const data = '<script type="application/json" id="cf-release"></script>';
  for (const needed of [tag, data]) if (!html.includes(needed)) fail(`configurator/index.html has no ${needed}`);
  const chunk = files.find((f) => /-embed\.wasm$/.test(f));
  const text = files.find((f) => /^kg-en-ui-[0-9a-f]+\.json$/.test(f));
  if (!chunk || !text) fail("the configurator's hosting check needs the embed chunk and the English shell text");
  const release = {
    name: packageInfo().name,
    version: build.version,
    integrity,
    files: hashesOf(build, [glueName, wasmName, stylesName, chunk, text]),
  };
  html = html.replace(tag, `<script src="../embed.js" integrity="${integrity}" crossorigin="anonymous" defer></script>`);
  html = html.replace(data, `<script type="application/json" id="cf-release">${JSON.stringify(release)}</script>`);
  writeFileSync(path, html);
}
