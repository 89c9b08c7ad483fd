// Step 9 (release): `<file>.br` beside each text and wasm file, for servers that send stored
// brotli (nginx brotli_static, most static hosts; tools/serve.mjs does).
import { readFileSync, writeFileSync, statSync } from "node:fs";
import { brotliCompressSync, constants as zlib } from "node:zlib";
import { walk } from "./context.mjs";

const COMPRESSIBLE = /\.(html|js|css|wasm|json|webmanifest|svg)$/;

export function compress(build) {
  let count = 0;
  for (const p of walk(build.staging).filter((p) => COMPRESSIBLE.test(p))) {
    const br = brotliCompressSync(readFileSync(p), {
      params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: statSync(p).size },
    });
    writeFileSync(`${p}.br`, br);
    count++;
  }
  console.log(`post-build: ${count} brotli copies`);
}
