// The release as a clinic takes it: a versioned npm package whose files are the built bundle
// (so a CDN that mirrors npm serves it under `<name>@<version>/`), and a zip of the same files
// for uploading to a clinic's own server. Run by scripts/package after a release build:
//   node tools/package.mjs [--dist dist] [--out pkg]
// writes <out>/<name>/ (the package's folder), <out>/<name>-<version>.tgz (`npm pack`) and
// <out>/<name>-<version>.zip, and prints their sizes. The tests call `writePackage` and `zip`.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { crc32, deflateRawSync } from "node:zlib";
import { createHash } from "node:crypto";
import { packageInfo } from "./build/context.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Every file under `dir`, as paths relative to it with "/" separators, sorted. */
export function filesUnder(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) out.push(relative(dir, path).split(sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

/** The package's README: what it is, the two snippets, the headers a host needs. */
function readme({ name, version, description }, integrity) {
  return `# ${name} ${version}

${description}

This package holds the built widget only: the files a clinic's page loads. The source, the
tests and the full documentation are in the project's repository (README, "Embedding on a
clinic's site").

## Add it to a page

From a CDN that mirrors npm packages (the address ends in \`${name}@${version}/\`):

\`\`\`html
<script src="https://cdn.jsdelivr.net/npm/${name}@${version}/embed.js" integrity="${integrity}" crossorigin="anonymous" defer></script>
<ketamine-guide></ketamine-guide>
\`\`\`

From your own server: upload every file of this package (or of the zip of the same version)
into one folder, then:

\`\`\`html
<script src="https://clinic.example/ketamine-guide/embed.js" integrity="${integrity}" crossorigin="anonymous" defer></script>
<ketamine-guide></ketamine-guide>
\`\`\`

\`configurator/index.html\` writes this code for you, with your treatments, prices, booking
link and colour, and checks that your server sends the files correctly.

## What the server must send

- \`Access-Control-Allow-Origin: *\` on every file (the page that shows the guide is usually on
  another address than the files).
- \`Content-Type: application/wasm\` on \`.wasm\` files, \`text/javascript\` on \`.js\` files.
- Files whose name carries a 16-digit hash never change and may be cached for a year; the rest
  (\`embed.js\` and the pages) should be revalidated. The \`.br\` files are brotli copies for a
  server that sends them to browsers that accept brotli.

Once the guide has started, the element carries \`data-version="${version}"\`. If its files
cannot load, it carries \`data-error\` with the cause (\`cors\`, \`not-found\`, \`integrity\`,
\`csp\`, \`http\`, \`network\` or \`start\`) and the browser's console says what to fix.

Nothing a visitor types leaves their browser, and the guide makes no request to any other
address than the folder it was loaded from.
`;
}

/**
 * Writes the package's folder `<out>/<name>/` from the built bundle `dist`: the bundle's files,
 * package.json (name, version, licence, `files`), README.md, CHANGELOG.md and the licence
 * files. Returns `{ dir, name, version, files }`, `files` being the bundle's files.
 */
export function writePackage({ dist = join(ROOT, "dist"), out = join(ROOT, "pkg") } = {}) {
  const info = packageInfo(pathToFileURL(ROOT + sep));
  if (!existsSync(join(dist, "embed.js"))) throw new Error(`${dist} holds no release build (no embed.js): run scripts/package`);
  const embed = readFileSync(join(dist, "embed.js"), "utf8");
  if (!embed.includes(`ketamine-guide embed loader ${info.version},`)) {
    throw new Error(`${dist}/embed.js is not version ${info.version}: build the release again`);
  }
  const dir = join(out, info.name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(dist, dir, { recursive: true });
  const files = filesUnder(dist);
  const integrity = `sha384-${createHash("sha384").update(embed).digest("base64")}`;
  const extras = ["CHANGELOG.md", ...readdirSync(ROOT).filter((f) => /^LICEN[CS]E/.test(f))];
  for (const f of extras) cpSync(join(ROOT, f), join(dir, f));
  writeFileSync(join(dir, "README.md"), readme(info, integrity));
  const manifest = {
    name: info.name,
    version: info.version,
    description: info.description,
    license: info.license,
    keywords: ["ketamine", "widget", "web-component", "wasm", "health-education"],
    browser: "embed.js",
    // The bundle, as built: npm adds package.json, README.md and the licence files itself.
    files: [...files, ...extras],
  };
  writeFileSync(join(dir, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
  return { dir, name: info.name, version: info.version, files };
}

/** `npm pack` of the package folder into `out`; returns the tarball's path. */
export function pack(dir, out) {
  const result = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", resolve(out)], { cwd: dir, stdio: ["ignore", "pipe", "inherit"] }).toString());
  return join(resolve(out), result[0].filename);
}

/**
 * A zip of every file under `dir` (deflated; the folder's own name is left out, so the files
 * unpack into the folder the clinic chooses). Written with Node's zlib: no tool to install.
 */
export function zip(dir, file) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const name of filesUnder(dir)) {
    const data = readFileSync(join(dir, name));
    const packed = deflateRawSync(data, { level: 9 });
    const stored = packed.length >= data.length;
    const body = stored ? data : packed;
    const path = Buffer.from(name, "utf8");
    const crc = crc32(data) >>> 0;
    // 1980-01-01 00:00: the same bytes for the same files on every build.
    const common = (h, at) => {
      h.writeUInt16LE(20, at); // version needed
      h.writeUInt16LE(0x0800, at + 2); // UTF-8 names
      h.writeUInt16LE(stored ? 0 : 8, at + 4);
      h.writeUInt16LE(0, at + 6);
      h.writeUInt16LE(0x21, at + 8);
      h.writeUInt32LE(crc, at + 10);
      h.writeUInt32LE(body.length, at + 14);
      h.writeUInt32LE(data.length, at + 18);
      h.writeUInt16LE(path.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    common(local, 4);
    locals.push(local, path, body);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by
    common(entry, 6);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, path);
    offset += local.length + path.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(file, Buffer.concat([...locals, directory, end]));
  return file;
}

function main() {
  const args = process.argv.slice(2);
  const opt = (flag, fallback) => (args.includes(flag) ? resolve(args[args.indexOf(flag) + 1]) : fallback);
  const out = opt("--out", join(ROOT, "pkg"));
  const { dir, name, version, files } = writePackage({ dist: opt("--dist", join(ROOT, "dist")), out });
  const tarball = pack(dir, out);
  // The zip holds what the tarball holds, without npm's package/ folder around it.
  const archive = zip(dir, join(out, `${name}-${version}.zip`));
  const kb = (f) => `${(statSync(f).size / 1000).toFixed(1)} KB`;
  console.log(`package: ${name}@${version}, ${files.length} bundle files`);
  console.log(`package: ${relative(process.cwd(), tarball)} (${kb(tarball)})`);
  console.log(`package: ${relative(process.cwd(), archive)} (${kb(archive)})`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
