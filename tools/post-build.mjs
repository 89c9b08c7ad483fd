// Trunk's post_build hook: turns Trunk's staging directory into the bundle that becomes dist/.
// main() names the steps in the order they run; each lives in tools/build/, and the JavaScript
// the bundle ships (loader, embed, service worker and its registration) in tools/runtime/.
// The order follows what each file must know: a file can only carry the hash of a file written
// before it, so the loaders, the pages and the service worker come last.
import { buildContext } from "./build/context.mjs";
import { shipContent } from "./build/content.mjs";
import { splitCode, minifyGlue } from "./build/split.mjs";
import { bundleStyles } from "./build/styles.mjs";
import { fetchable, writeFileList } from "./build/integrity.mjs";
import { writeBoot, writeRegistration } from "./build/boot.mjs";
import { writeEmbed, signConfigurator } from "./build/embed.mjs";
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
  // 4. One stylesheet for the page and the embed.
  const styles = bundleStyles(build);
  // 5. The service worker's registration (release), then the hashes of every file so far that
  //    the first view does not fetch.
  const registration = build.release ? await writeRegistration(build) : null;
  const firstView = Object.values(content.files).flatMap((byTool) => [byTool.ui, byTool.quiz]);
  const files = fetchable(build);
  const listName = writeFileList(build, files.filter((f) => !firstView.includes(f)));
  // 6. Trunk's loader replaced by boot-<hash>.js (holding the first view's hashes) and the glue.
  const boot = await writeBoot(build, code, { firstView, listName, registration });
  build.page.save();
  // 7. embed.js, for clinics' pages, holding every hash; the configurator loads it checked.
  const embedIntegrity = writeEmbed(build, code, styles, files);
  signConfigurator(build, embedIntegrity, code, styles, files);
  // 8. The service worker (release), over every file written so far.
  if (build.release) writeServiceWorker(build);
  // 9. Brotli copies (release).
  if (build.release) compress(build);
  console.log(`post-build: loader ${boot}, embed.js (${embedIntegrity}) → ${code.glueName}, ${styles}`);
}

await main();
