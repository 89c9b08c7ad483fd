// Per-file set-up shared by the e2e tests: one release-build server and one browser.
import { before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, serveDist, recordRequests, foreignRequests, waitReady } from "./helpers.mjs";
import { startServer } from "../tools/serve.mjs";

/** Registers before/after hooks; the returned object holds `server` and `browser` once ready. */
export function useBrowserAndServer(options = {}) {
  const env = {};
  before(async () => {
    env.server = await serveDist(options);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * For embed journeys: the release build served with CORS (`server`), a clinic's host on another
 * origin serving `pages(server.url)` (`host`), and a browser.
 */
export function useEmbedHost(pages) {
  const env = {};
  before(async () => {
    env.server = await serveDist({ cors: true });
    env.host = await startServer({ dir: "/nonexistent", pages: pages(env.server.url) });
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
    await env.host?.close();
  });
  return env;
}

/**
 * Opens `url` in a new page of `context`, recording its requests and page errors, and waits for
 * the first view. Returns `{ context, page, log, errors }`, the shape `finishClean` takes.
 */
export async function openApp(context, url) {
  const log = recordRequests(context);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  await page.goto(url);
  await waitReady(page, log);
  return { context, page, log, errors };
}

/** Ends a journey: no page error, no request to any origin but `origins`; closes the context. */
export async function finishClean({ context, log, errors }, origins) {
  assert.deepEqual(errors, [], "no page error");
  assert.deepEqual(foreignRequests(log, origins), [], "no request leaves the allowed origins");
  await context.close();
}
