// What every build step shares: where the build is (Trunk's staging directory, cargo's target
// directory), whether it is a release build, the page being rewritten, and small helpers for
// hashing, minifying, running tools and failing with a clear message.
import { readFileSync, writeFileSync, readdirSync, statSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { minify } from "terser";

/** Stops the build with a message naming the hook. */
export function fail(msg) {
  console.error(`post-build: ${msg}`);
  process.exit(1);
}

/**
 * The crate's name, version, licence and description from Cargo.toml's [package]: the release's
 * version is the crate's, reported by the widget (`data-version`) and the npm package's.
 */
export function packageInfo(root = new URL("../..", import.meta.url)) {
  const toml = readFileSync(new URL("Cargo.toml", root), "utf8");
  const section = toml.split(/^\[/m).find((s) => s.startsWith("package]")) ?? "";
  const field = (key) => section.match(new RegExp(`^${key}\\s*=\\s*"([^"]*)"`, "m"))?.[1];
  const info = { name: field("name"), version: field("version"), license: field("license"), description: field("description") };
  if (!info.name || !/^\d+\.\d+\.\d+$/.test(info.version ?? "")) fail("Cargo.toml has no [package] name and version");
  return info;
}

/**
 * The build Trunk asked for: `staging` (Trunk's output, about to become dist/), `release`,
 * `cargoOut` (cargo's wasm32 output folder for this profile), and `page`, index.html as text
 * (steps edit `page.html`; `page.save()` writes it).
 */
export function buildContext() {
  const staging = process.env.TRUNK_STAGING_DIR;
  if (!staging) fail("TRUNK_STAGING_DIR is not set (run through trunk)");
  const release = process.env.TRUNK_PROFILE === "release";
  const target = process.env.CARGO_TARGET_DIR || join(process.env.TRUNK_SOURCE_DIR || ".", "target");
  const indexPath = join(staging, "index.html");
  const page = {
    html: readFileSync(indexPath, "utf8"),
    save() {
      writeFileSync(indexPath, this.html);
    },
  };
  return {
    staging,
    release,
    version: packageInfo().version,
    target,
    cargoOut: join(target, "wasm32-unknown-unknown", release ? "release" : "debug"),
    page,
  };
}

/** Every file under `dir`, as paths. */
export const walk = (dir) =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });

/** The 16 hex digits that name a file by its content. */
export const hashOf = (text) => createHash("sha256").update(text).digest("hex").slice(0, 16);

/**
 * The SHA-256 of a file's text or bytes in base64, as the bundle records it: the hash part of
 * a subresource-integrity value (`sha256-<this>`), kept short for the first view's bytes.
 */
export const sha256 = (data) => createHash("sha256").update(data).digest("base64");

/** Subresource-integrity value of a file's text or bytes. */
export const sri = (data) => `sha256-${sha256(data)}`;

/** Runs a command-line tool; its error output ends the build. */
export function run(cmd, args) {
  try {
    execFileSync(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    fail(`${cmd} ${args.join(" ")} failed:\n${e.stderr || e.message}`);
  }
}

/**
 * `source` with each `__KG_<NAME>__` replaced by `values[NAME]` (text put in as it is: pass
 * JSON for a JavaScript value). `what` names the file if a placeholder is left unfilled.
 */
export function fill(source, values, what) {
  const filled = source.replace(/__KG_([A-Z_]+?)__/g, (whole, name) => (name in values ? values[name] : whole));
  const left = filled.match(/__KG_[A-Z_]+?__/);
  if (left) fail(`${what} has an unfilled placeholder ${left[0]}`);
  return filled;
}

/** A file of tools/runtime/ (the JavaScript the bundle ships), as text. */
export const runtimeFile = (name) => readFileSync(new URL(`../runtime/${name}`, import.meta.url), "utf8");

// Comments out, whitespace collapsed, none around braces and semicolons (where it never
// matters). Values keep their single spaces; our stylesheets have no string with `{`, `}`,
// `;` or repeated spaces in it.
export const minifyCss = (css) =>
  css
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ")
    .replace(/\s*([{};])\s*/g, "$1")
    .trim();

/** terser over one of our JS files (module code); `what` names it if terser gives nothing back. */
export async function minifyJs(source, what) {
  const { code } = await minify(source, { module: true, compress: true, mangle: true });
  if (!code) fail(`terser returned nothing for the ${what}`);
  return code;
}
