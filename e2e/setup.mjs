// Per-file set-up shared by the e2e tests: one release-build server and one browser.
import { before, after } from "node:test";
import { launch, serveDist } from "./helpers.mjs";

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
