// Per-file set-up shared by the e2e tests: one release-build server and one browser.
import { before, after } from "node:test";
import { launch, serveDist } from "./helpers.mjs";
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
