// Step 6: embed.js (tools/runtime/embed.js), the script a clinic's page loads. It defines
// <ketamine-guide> and loads the glue, the wasm and the stylesheet bundle from its own folder.
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fail, fill, runtimeFile } from "./context.mjs";

export function writeEmbed(build, { glueName, wasmName }, stylesName) {
  if (!readdirSync(build.staging).includes(wasmName)) fail(`the wasm ${wasmName} is missing`);
  const embed = fill(runtimeFile("embed.js"), { GLUE: glueName, WASM: wasmName, CSS: stylesName }, "embed.js");
  writeFileSync(join(build.staging, "embed.js"), embed);
}
