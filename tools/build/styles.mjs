// Step 4: one stylesheet, `styles-<hash>.css`, from the ones Trunk links (tokens, shell, the
// self-check): the page links it (one render-blocking request instead of several) and embed.js
// adopts it into each shadow root. Release builds also drop the whitespace between the page's
// tags.
import { readFileSync, writeFileSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { fail, hashOf, minifyCss, sri } from "./context.mjs";

/** Bundles the page's stylesheets; returns the bundle's name. */
export function bundleStyles(build) {
  const { page, staging } = build;
  const cssFiles = [...page.html.matchAll(/<link rel="stylesheet" href="\.\/([^"]+\.css)"/g)].map((m) => m[1]);
  if (cssFiles.length === 0) fail("no stylesheet linked from index.html");
  const css = minifyCss(cssFiles.map((f) => readFileSync(join(staging, f), "utf8")).join("\n"));
  const name = `styles-${hashOf(css)}.css`;
  writeFileSync(join(staging, name), css);
  const links = [...page.html.matchAll(/[ \t]*<link rel="stylesheet" href="\.\/[^"]+\.css"[^>]*>\n?/g)];
  page.html = page.html.replace(links[0][0], `  <link rel="stylesheet" href="./${name}" integrity="${sri(css)}">\n`);
  for (const link of links.slice(1)) page.html = page.html.replace(link[0], "");
  for (const f of cssFiles) unlinkSync(join(staging, f));
  // Whitespace between tags carries nothing here (text inside elements is left alone).
  if (build.release) page.html = page.html.replace(/>\s+</g, "><").trim() + "\n";
  return name;
}
