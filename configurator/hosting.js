// "Check my hosting": fetches the guide's files from the address the snippet uses, the way a
// visitor's browser on the clinic's page will (a cross-origin fetch in CORS mode), and says in
// plain words what to fix. The files and their hashes come from the build (#cf-release).

const base64 = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)));

/** The SHA-256 or SHA-384 of some bytes in base64, or null where the browser cannot hash. */
async function digest(algorithm, bytes) {
  if (!crypto.subtle) return null;
  return base64(await crypto.subtle.digest(algorithm, bytes));
}

/**
 * One file checked: `{ file, url, problem, detail }`, where `problem` is "" (fine), "cors",
 * "not-found", "status", "unreachable", "wasm-type", "js-type" or "changed".
 */
async function checkFile(file, url, expected) {
  let response;
  try {
    response = await fetch(url, { mode: "cors", cache: "no-store", credentials: "omit" });
  } catch {
    // No answer this page may read. An opaque answer means the server is there but does not
    // let other sites read its files.
    try {
      await fetch(url, { mode: "no-cors", cache: "no-store", credentials: "omit" });
      return { file, url, problem: "cors" };
    } catch {
      return { file, url, problem: "unreachable" };
    }
  }
  if (response.status === 404 || response.status === 410) return { file, url, problem: "not-found" };
  if (!response.ok) return { file, url, problem: "status", detail: String(response.status) };
  const type = (response.headers.get("Content-Type") || "").trim().toLowerCase();
  if (file.endsWith(".wasm") && type !== "application/wasm") return { file, url, problem: "wasm-type", detail: type || "no type" };
  if (file.endsWith(".js") && !/^(text|application)\/(x-)?javascript\b/.test(type)) return { file, url, problem: "js-type", detail: type || "no type" };
  const bytes = await response.arrayBuffer();
  const [algorithm, want] = expected;
  const got = await digest(algorithm, bytes);
  if (got !== null && got !== want) return { file, url, problem: "changed" };
  // Same origin as this page: every header is readable, and no header was needed to read it.
  // Pages of other addresses still need it.
  if (new URL(url).origin === location.origin && !response.headers.get("Access-Control-Allow-Origin")) {
    return { file, url, problem: "cors-other-pages" };
  }
  return { file, url, problem: "" };
}

/** Plain words for one problem. */
export function explain({ file, url, problem, detail }, release) {
  switch (problem) {
    case "cors":
      return `${file}: your server does not let pages on other addresses use this file. Ask your web host to send the header “Access-Control-Allow-Origin: *” with the guide's files.`;
    case "cors-other-pages":
      return `${file}: pages on this same address can use it, but pages on any other address cannot. If your pages are on another address, ask your web host to send the header “Access-Control-Allow-Origin: *” with the guide's files.`;
    case "not-found":
      return `${file} is not at ${url}. Upload the whole folder of version ${release.version}, not only embed.js, and check the address.`;
    case "status":
      return `${file}: the server answered with error ${detail}. Check the address, or ask your web host.`;
    case "mixed":
      return `${url} starts with http://, and secure pages (https://) may not load files from such an address. Use the https:// address of the folder.`;
    case "unreachable":
      return `${url} could not be reached. Check the address and that the site is online.`;
    case "wasm-type":
      return `${file} is sent as “${detail}”. Ask your web host to send .wasm files as “application/wasm”. The guide still loads, but browsers expect that type.`;
    case "js-type":
      return `${file} is sent as “${detail}”, so browsers will not run it. Ask your web host to send .js files as “text/javascript”.`;
    case "changed":
      return `${file} is not the file of version ${release.version}: it is from another version, or it was changed. Upload the files of this version again, all together.`;
    default:
      return `${file}: fine.`;
  }
}

/**
 * Checks every file the snippet's script needs from `folder` (ending in "/"). Resolves to the
 * list of results (see `checkFile`); a page on https checking an http address gets one result
 * saying browsers block it.
 */
export async function checkHosting(folder, release) {
  if (location.protocol === "https:" && folder.startsWith("http:")) {
    return [{ file: "embed.js", url: `${folder}embed.js`, problem: "mixed" }];
  }
  const files = [["embed.js", ["SHA-384", release.integrity.replace(/^sha384-/, "")]]];
  for (const [name, hash] of Object.entries(release.files)) files.push([name, ["SHA-256", hash]]);
  return Promise.all(files.map(([name, expected]) => checkFile(name, new URL(name, folder).href, expected)));
}
