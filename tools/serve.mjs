// A small static file server for dist/: the quick start's server and the e2e tests' server.
// Binds to loopback only. Options: --dir, --host, --port (0 = any free port), --cors (assets
// usable from another origin, for the embed), --csp (the strict policy from the README),
// --immutable (files whose name carries a content hash may be cached for a year, as the README
// advises for production; everything else is revalidated).
// Compresses like a production server: the release build's precompressed `<file>.br` when the
// browser accepts brotli, else gzip made on the fly (kept in memory).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".json", ".webmanifest", ".svg", ".txt"]);
const gzipped = new Map();

/** The body to send and its encoding, given what the browser accepts. */
async function encode(file, body, accept, info) {
  if (!COMPRESSIBLE.has(extname(file))) return { body };
  if (/\bbr\b/.test(accept)) {
    try {
      const br = await stat(file + ".br");
      if (br.mtimeMs >= info.mtimeMs) return { body: await readFile(file + ".br"), encoding: "br" };
    } catch {
      // No precompressed copy (a debug build): fall through to gzip.
    }
  }
  if (/\bgzip\b/.test(accept)) {
    const key = `${file}:${info.mtimeMs}:${info.size}`;
    if (!gzipped.has(key)) gzipped.set(key, gzipSync(body, { level: 6 }));
    return { body: gzipped.get(key), encoding: "gzip" };
  }
  return { body };
}

/**
 * A name with a content hash: `…-<hex>.<ext>` or `…-<hex>-<part>.wasm` / `_bg.wasm`. Trunk writes
 * its 64-bit hash without leading zeros (about one build in sixteen has a 15-digit name);
 * build.rs pads its own to 16.
 */
export const HASHED = /-[0-9a-f]{8,16}([-_][a-z0-9_]+)?\.(js|wasm|css|json)$/;

/**
 * Starts serving `dir`; resolves to { server, url, close }. `pages` maps extra paths to their
 * text (typed by extension, else HTML); `requests`, if given, receives each request's path;
 * `types` overrides a file extension's Content-Type (a misconfigured host, for tests).
 */
export async function startServer({ dir = "dist", host = "127.0.0.1", port = 0, cors = false, csp = false, immutable = false, pages = {}, requests = null, types = {} } = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://localhost");
    requests?.push(url.pathname);
    const cache = immutable && HASHED.test(url.pathname) ? "public, max-age=31536000, immutable" : "no-cache";
    const headers = { "Cache-Control": cache, "X-Content-Type-Options": "nosniff" };
    if (cors) headers["Access-Control-Allow-Origin"] = "*";
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, headers).end();
      return;
    }
    if (pages[url.pathname] !== undefined) {
      res.writeHead(200, { ...headers, "Content-Type": TYPES[extname(url.pathname)] ?? TYPES[".html"] }).end(pages[url.pathname]);
      return;
    }
    let path = decodeURIComponent(url.pathname);
    if (path.endsWith("/")) path += "index.html";
    const file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403, headers).end();
      return;
    }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error("not a file");
      const raw = await readFile(file);
      const type = types[extname(file)] ?? TYPES[extname(file)] ?? "application/octet-stream";
      if (csp && type.startsWith("text/html")) headers["Content-Security-Policy"] = STRICT_CSP;
      const { body, encoding } = await encode(file, raw, req.headers["accept-encoding"] ?? "", info);
      if (encoding) headers["Content-Encoding"] = encoding;
      if (COMPRESSIBLE.has(extname(file))) headers["Vary"] = "Accept-Encoding";
      res.writeHead(200, { ...headers, "Content-Type": type, "Content-Length": body.length });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(404, { ...headers, "Content-Type": TYPES[".txt"] }).end("Not found");
    }
  });
  await new Promise((ok, fail) => server.once("error", fail).listen(port, host, ok));
  const { port: actual } = server.address();
  const base = `http://${host}:${actual}`;
  // Closing also drops idle keep-alive connections a browser still holds, so it never waits.
  const close = () => new Promise((ok) => {
    server.close(ok);
    server.closeAllConnections?.();
  });
  return { server, url: `${base}/`, origin: base, close };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const { url } = await startServer({
    dir: opt("dir", "dist"),
    host: opt("host", "127.0.0.1"),
    port: Number(opt("port", "8080")),
    cors: args.includes("--cors"),
    csp: args.includes("--csp"),
    immutable: args.includes("--immutable"),
  });
  console.log(`ketamine-guide is served at ${url}  (Ctrl-C to stop)`);
}
