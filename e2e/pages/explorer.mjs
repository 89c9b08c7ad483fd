// The evidence explorer's page object: where its parts are, how to open it, and what it shows
// once its list and its live count agree. Shared by the explorer's journeys.
import { openApp } from "../setup.mjs";

export const PANEL = '[role=tabpanel][data-section="myths"]';
export const ARTICLES = `${PANEL} article[data-claim-id]`;

/** Opens `url` (a place in the explorer) in `context` and waits for its first claim. */
export async function openExplorer(context, url) {
  const run = await openApp(context, url);
  await run.page.locator(ARTICLES).first().waitFor();
  return run;
}

/** The shown count, once the list and the live region agree (the UI re-renders per keystroke). */
export async function settledCount(page) {
  await page.waitForFunction(
    ({ list, panel }) => {
      const status = document.querySelector(`${panel} [aria-live=polite]`);
      return status && String(document.querySelectorAll(list).length) === status.dataset.count;
    },
    { list: ARTICLES, panel: PANEL },
  );
  return page.locator(ARTICLES).count();
}

/** Each shown claim's topics, in list order. */
export const topicsOf = (page) =>
  page.locator(ARTICLES).evaluateAll((els) => els.map((a) => a.dataset.topics.split(" ")));

/** Each shown claim's verdict id, in list order. */
export const verdictsOf = (page) =>
  page.locator(ARTICLES).evaluateAll((els) => els.map((a) => a.querySelector("[data-verdict]").dataset.verdict));
