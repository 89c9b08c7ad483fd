// Two more engines for the cross-engine smoke suite, behind one small interface:
//   Gecko:  Firefox ESR (Debian) driven by puppeteer-core over WebDriver BiDi;
//   WebKit: WebKitGTK's MiniBrowser (Debian webkit2gtk-driver) driven by selenium-webdriver
//           through WebKitWebDriver, under Xvfb (MiniBrowser has no headless mode).
// A session offers goto(url), evaluate(fn, ...args) (fn runs in the page; async allowed),
// waitFor(fn, ...args) (until fn returns something truthy), click(selector), type(selector,
// text), screenshot(path) and close(). Page code cannot tell the two apart.
import { spawn } from "node:child_process";
import { existsSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:net";

export const FIREFOX = "/usr/bin/firefox-esr";
export const WEBKIT_DRIVER = "/usr/bin/WebKitWebDriver";
export const MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

const TIMEOUT = 20000;

/** Polls `check` (an async function returning truthy when done) until `timeout` ms. */
async function poll(check, what, timeout = TIMEOUT) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ""}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `fn` called with JSON arguments, as an expression (a string is taken as the expression). */
const call = (fn, args) =>
  typeof fn === "string" ? fn.trim().replace(/;$/, "") : `(${fn.toString()})(...${JSON.stringify(args)})`;

/** Firefox ESR through puppeteer-core's WebDriver BiDi support; a fresh profile each time. */
export async function openFirefox() {
  const puppeteer = (await import("puppeteer-core")).default;
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX,
    headless: true,
    // A service worker needs no more than this; no telemetry, updates or first-run pages.
    extraPrefsFirefox: { "dom.serviceWorkers.testing.enabled": false, "app.update.enabled": false },
  });
  const page = await browser.newPage();
  const logged = [];
  page.on("console", (m) => logged.push({ type: m.type(), text: m.text() }));
  page.on("pageerror", (e) => logged.push({ type: "pageerror", text: String(e?.message ?? e) }));
  return {
    engine: "firefox",
    logged,
    goto: (url) => page.goto(url, { waitUntil: "load" }),
    evaluate: (fn, ...args) => page.evaluate(call(fn, args)),
    waitFor: (fn, ...args) => poll(() => page.evaluate(call(fn, args)), fn.toString().slice(0, 120)),
    click: (selector) => page.click(selector),
    type: async (selector, text) => {
      await page.click(selector, { count: 3 });
      await page.keyboard.press("Backspace");
      await page.type(selector, text);
    },
    setOffline: (offline) => page.setOfflineMode(offline),
    screenshot: (path) => page.screenshot({ path }),
    close: () => browser.close(),
  };
}

/** A free TCP port on loopback. */
const freePort = () =>
  new Promise((ok, fail) => {
    const s = createServer().once("error", fail).listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });

/** WebKitGTK's MiniBrowser through WebKitWebDriver under xvfb-run; a fresh session each time. */
export async function openWebKit() {
  const { Builder, By } = await import("selenium-webdriver");
  const port = await freePort();
  const driver = spawn("xvfb-run", ["-a", WEBKIT_DRIVER, `--port=${port}`], { stdio: "ignore", detached: true });
  const stop = () => {
    try {
      process.kill(-driver.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  };
  try {
    await poll(() => fetch(`http://127.0.0.1:${port}/status`).then((r) => r.ok), "WebKitWebDriver", 30000);
    const session = await new Builder()
      .usingServer(`http://127.0.0.1:${port}`)
      .withCapabilities({
        browserName: "MiniBrowser",
        "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] },
      })
      .build();
    await session.manage().setTimeouts({ script: TIMEOUT, pageLoad: 60000 });
    const evaluate = (fn, ...args) =>
      session.executeAsyncScript(
        `const done = arguments[arguments.length - 1];
         Promise.resolve().then(() => ${call(fn, args)}).then(
           (v) => done({ ok: true, v: v === undefined ? null : v }),
           (e) => done({ ok: false, e: String(e && e.stack || e) }));`,
      ).then((r) => {
        if (!r.ok) throw new Error(r.e);
        return r.v;
      });
    return {
      engine: "webkit",
      logged: [],
      goto: (url) => session.get(url),
      evaluate,
      waitFor: (fn, ...args) => poll(() => evaluate(fn, ...args), fn.toString().slice(0, 120)),
      // A pointer action at the element's centre: WebKitWebDriver can report a plain click on
      // an input as intercepted.
      click: async (selector) => {
        const el = await session.findElement(By.css(selector));
        // Actions need the element in the viewport (no automatic scrolling here).
        await session.executeScript("arguments[0].scrollIntoView({ block: 'center' })", el);
        await session.actions({ async: true }).move({ origin: el }).click().perform();
      },
      type: async (selector, text) => {
        const el = await session.findElement(By.css(selector));
        await el.clear();
        await el.sendKeys(text);
      },
      screenshot: async (path) => writeFileSync(path, await session.takeScreenshot(), "base64"),
      close: async () => {
        try {
          await session.quit();
        } finally {
          stop();
        }
      },
    };
  } catch (e) {
    stop();
    throw e;
  }
}

/** Both engines, or the reason one is missing (the bootstrap installs them). */
export const ENGINES = [
  ["firefox", openFirefox, () => existsSync(FIREFOX)],
  ["webkit", openWebKit, () => existsSync(WEBKIT_DRIVER) && existsSync(MINIBROWSER)],
];

export { mkdtempSync, rmSync, tmpdir, join };
