// Shared by every e2e test: Debian's chromium via playwright-core, a server for dist/, a
// network recorder, and small page helpers. Tests wait on `data-ready`, never on sleeps.
import { chromium } from "playwright-core";
import assert from "node:assert/strict";
import { mkdirSync, existsSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { startServer } from "../tools/serve.mjs";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
// KG_DIST lets parallel work build and test separate bundles.
export const DIST = process.env.KG_DIST || join(ROOT, "dist");
export const ARTIFACTS = join(ROOT, "e2e", "artifacts");
mkdirSync(ARTIFACTS, { recursive: true });

const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** Launches headless Debian chromium. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    headless: true,
    args: ARGS,
  });
}

/** Serves dist/ on a free loopback port. */
export function serveDist(options = {}) {
  return startServer({ dir: DIST, port: 0, ...options });
}

/**
 * Records every request a browser context makes (service-worker fetches included) and
 * whether it happened after the app said it was ready.
 */
export function recordRequests(context) {
  const log = { requests: [], readyAt: null };
  context.on("request", (req) => {
    log.requests.push({ url: req.url(), method: req.method(), afterReady: log.readyAt !== null, postData: req.postData() });
  });
  return log;
}

/** Requests to any origin other than the allowed ones (data: and blob: URLs are local). */
export function foreignRequests(log, allowedOrigins) {
  return log.requests.filter((r) => {
    const u = new URL(r.url);
    if (u.protocol === "data:" || u.protocol === "blob:") return false;
    return !allowedOrigins.includes(u.origin);
  });
}

/** Waits until the app root says its first view is interactive. */
export async function waitReady(page, log) {
  await page.locator('.kg-app[data-ready="true"]').first().waitFor({ state: "attached", timeout: 20000 });
  if (log && log.readyAt === null) log.readyAt = Date.now();
}

/** Saves a screenshot under e2e/artifacts/. */
export async function screenshot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * The privacy audit: no request leaves the allowed origins, every request is a GET without a
 * body, and after the app was ready only the app's own static files (no query string) are
 * fetched.
 */
export function auditRequests(log, origins) {
  assert.deepEqual(foreignRequests(log, origins), [], "no request leaves the origin");
  for (const r of log.requests) {
    const u = new URL(r.url);
    if (u.protocol === "blob:" || u.protocol === "data:") continue;
    assert.equal(r.method, "GET", `${r.method} ${r.url}`);
    assert.equal(r.postData ?? null, null, `request with a body: ${r.url}`);
    if (r.afterReady) {
      assert.equal(u.search, "", `no query string after ready: ${r.url}`);
      const file = u.pathname === "/" ? "index.html" : decodeURIComponent(u.pathname.slice(1));
      assert.ok(existsSync(join(DIST, file)), `after ready, only static assets: ${r.url}`);
    }
  }
}

/** The embed snippet's integrity value for the built embed.js (as the configurator writes it). */
export const embedIntegrity = (dist = DIST) =>
  `sha384-${createHash("sha384").update(readFileSync(join(dist, "embed.js"))).digest("base64")}`;

/** A clinic's page on another origin that embeds the widget served at `assetsUrl`, as the snippet says. */
export function clinicPage(assetsUrl, body, { head = "", title = "Example clinic", dist = DIST } = {}) {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}
<script src="${assetsUrl}embed.js" integrity="${embedIntegrity(dist)}" crossorigin="anonymous" defer></script></head>
<body><h1 id="host-title">${title}</h1><p id="host-text">Our services</p>
${body}
<button id="host-button">Host button</button></body></html>`;
}
