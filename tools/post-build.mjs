// Trunk's post_build hook: turns Trunk's staging directory into the bundle that becomes dist/.
// main() names the steps in the order they run; each lives in tools/build/, and the JavaScript
// the bundle ships (loader, embed, service worker and its registration) in tools/runtime/.
import { buildContext } from "./build/context.mjs";
import { shipContent } from "./build/content.mjs";
import { splitCode, minifyGlue } from "./build/split.mjs";
import { writeBoot } from "./build/boot.mjs";
import { bundleStyles } from "./build/styles.mjs";
import { writeEmbed } from "./build/embed.mjs";
import { writeServiceWorker } from "./build/service-worker.mjs";
import { compress } from "./build/compress.mjs";

async function main() {
  const build = buildContext();
  // 1. Content files and the tools' stylesheets, as build.rs's manifest lists them.
  const content = shipContent(build);
  // 2. The wasm cut into the first view's module and lazily loaded chunks, with its glue.
  const code = splitCode(build);
  // 3. The glue minified (release).
  if (build.release) await minifyGlue(build, code);
  // 4. Trunk's inline loader replaced by boot-<hash>.js (+ the service worker's registration).
  const boot = await writeBoot(build, code, content);
  // 5. One stylesheet for the page and the embed.
  const styles = bundleStyles(build);
  build.page.save();
  // 6. embed.js, for clinics' pages.
  writeEmbed(build, code, styles);
  // 7. The service worker (release), over every file written so far.
  if (build.release) writeServiceWorker(build);
  // 8. Brotli copies (release).
  if (build.release) compress(build);
  console.log(`post-build: loader ${boot}, embed.js → ${code.glueName}, ${styles}`);
}

await main();
