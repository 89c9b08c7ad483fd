// Step 1: the content files (`kg-<locale>-<feature>-<hash>.json`) and the tools' own stylesheets
// (`kg-style-<tool>-<hash>.css`), written by build.rs into the crate's OUT_DIR and listed in its
// `content_manifest.json`. They are copied into the bundle (stylesheets minified); the app
// fetches each the first time it is shown.
import { readFileSync, writeFileSync, readdirSync, statSync, copyFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { fail, minifyCss } from "./context.mjs";

const MANIFEST = "content_manifest.json";

/** build.rs's output folder of the build just made: the one whose manifest is newest. */
function newestOutDir(build) {
  const buildDir = join(build.cargoOut, "build");
  const outs = (existsSync(buildDir) ? readdirSync(buildDir) : [])
    .filter((d) => d.startsWith("ketamine-guide-"))
    .map((d) => join(buildDir, d, "out"))
    .filter((d) => existsSync(join(d, MANIFEST)))
    .sort((a, b) => statSync(join(b, MANIFEST)).mtimeMs - statSync(join(a, MANIFEST)).mtimeMs);
  if (outs.length === 0) fail(`no ${MANIFEST} under ${buildDir}`);
  return outs[0];
}

/**
 * Copies the files into the bundle. Returns `{ files, styles }`: the content files by language
 * and feature (`files.en.quiz` is a file name), and the stylesheets' names by tool.
 */
export function shipContent(build) {
  const out = newestOutDir(build);
  const manifest = JSON.parse(readFileSync(join(out, MANIFEST), "utf8"));
  if (!manifest.content?.length) fail(`${MANIFEST} names no content file`);
  if (!manifest.styles?.length) fail(`${MANIFEST} names no tool stylesheet`);
  const files = {};
  for (const { locale, feature, file } of manifest.content) {
    if (!existsSync(join(out, file))) fail(`content file ${file} is missing from ${out}`);
    copyFileSync(join(out, file), join(build.staging, file));
    (files[locale] ??= {})[feature] = file;
  }
  const styles = {};
  for (const { tool, file } of manifest.styles) {
    if (!existsSync(join(out, file))) fail(`stylesheet ${file} is missing from ${out}`);
    writeFileSync(join(build.staging, file), minifyCss(readFileSync(join(out, file), "utf8")));
    styles[tool] = file;
  }
  return { files, styles };
}
