// The embed fits its host page: the `theme` attribute and the host's color-scheme, padding as a
// token, no banner landmark inside the host's page, the `header` attribute that hides the
// built-in title (the disclaimers and "Need help now?" stay), tool headings one level below
// the title, and readable messages for invalid values, in English and Spanish.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useServers, openApp, openEmbed, checker, showSection, EMBED } from "./a11y-support.mjs";
import { contrast } from "./looks.mjs";
import { screenshot } from "./helpers.mjs";

const guide = (attrs = "") => `<ketamine-guide sections="quiz myths cost" ${attrs}></ketamine-guide>`;
// `head: ""`: a page that declares no color-scheme (the shared pages declare "light dark").
useServers({
  "/plain.html": { head: "", body: guide() },
  "/light-only.html": { head: `<style>:root { color-scheme: light only; }</style>`, body: guide() },
  "/both.html": { head: `<meta name="color-scheme" content="light dark">`, body: guide() },
  "/dark-site.html": { head: `<style>html { color-scheme: dark; background: #111; color: #eee; }</style>`, body: guide() },
  "/forced-dark.html": { head: "", body: guide(`theme="dark"`) },
  "/forced-light.html": { head: `<meta name="color-scheme" content="light dark">`, body: guide(`theme="light"`) },
  "/no-title.html": { head: "", body: guide(`header="hide"`) },
  "/bad.html": { head: "", body: guide(`theme="sepia" header="maybe"`) },
  "/bad-es.html": { head: "", body: guide(`lang="es" theme="sepia" header="maybe"`) },
  "/padding.html": { head: `<style>ketamine-guide { --kg-padding: 0; }</style>`, body: guide() },
});

/** Whether the widget is painted dark: its background's relative luminance. */
const isDark = async (root) => {
  const app = root.locator(".kg-app");
  const { background } = await contrast(app);
  const [r, g, b] = background.match(/\d+/g).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.5;
};

for (const [path, scheme, dark, why] of [
  ["/plain.html", "dark", false, "a page that declares no color-scheme is a light page"],
  ["/light-only.html", "dark", false, "the host says color-scheme: light only"],
  ["/both.html", "dark", true, "the host allows both: the device's setting decides"],
  ["/both.html", "light", false, "the host allows both: the device's setting decides"],
  ["/dark-site.html", "light", true, "the host says color-scheme: dark"],
  ["/forced-dark.html", "light", true, 'theme="dark"'],
  ["/forced-light.html", "dark", false, 'theme="light" on a host that allows dark'],
]) {
  test(`theme: ${path} with the device in ${scheme} → ${dark ? "dark" : "light"} (${why})`, async () => {
    const { context, page, errors, root } = await openEmbed(path, { colorScheme: scheme });
    assert.equal(await isDark(root), dark, why);
    // Whatever the colours, text and controls stay readable.
    const q = await contrast(root.locator('button[data-action="next"]'));
    assert.ok(q.ratio >= 4.5, `Next: ${q.ratio.toFixed(2)}`);
    if (path === "/plain.html" || path === "/forced-dark.html") await screenshot(page, `host-theme-${path.slice(1, -5)}-${scheme}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("padding is a token: 1em by default, and the host can change it", async () => {
  for (const [path, expected] of [
    ["/plain.html", "16px"],
    ["/padding.html", "0px"],
  ]) {
    const { context, root } = await openEmbed(path);
    assert.equal(await root.locator(".kg-app").evaluate((el) => getComputedStyle(el).paddingTop), expected, path);
    await context.close();
  }
});

test("an embed adds no banner landmark; its tools' headings sit one level below its title", async () => {
  const { context, page, root } = await openEmbed("/plain.html");
  const snapshot = await root.ariaSnapshot();
  assert.doesNotMatch(snapshot, /banner/, "no second banner on the host's page");
  const levels = async () =>
    root.locator(".kg-app").evaluate((app) => ({
      title: app.querySelector(".kg-title")?.tagName ?? null,
      tool: app.querySelector('[data-section="quiz"] .kg-section-title').tagName,
      question: app.querySelector(".kg-quiz-question").tagName,
    }));
  assert.deepEqual(await levels(), { title: "H2", tool: "H3", question: "H4" });
  // The same in the other tools: their titles one level below the guide's, their parts below.
  await showSection(root, "myths");
  await root.locator("article[data-claim-id] .kg-disclosure-button").first().click();
  await showSection(root, "cost");
  await root.locator("[data-estimate]").waitFor();
  const tags = (selector) => root.locator(selector).evaluateAll((els) => [...new Set(els.map((e) => e.tagName))]);
  assert.deepEqual(await tags(".kg-section-title"), ["H3"], "every tool's title");
  assert.deepEqual(await tags(".kg-claim-title, .kg-cost-heading"), ["H4"], "a claim, a part of the estimator");
  assert.deepEqual(await tags('article[data-open="true"] .kg-claim-body :is(h2, h3, h4, h5, h6)'), ["H5"], "inside a claim's evidence");
  assert.deepEqual(await tags(".kg-cost-subheading"), ["H5"], "inside a part of the estimator");
  await context.close();

  const hidden = await openEmbed("/no-title.html");
  assert.deepEqual(
    await hidden.root.locator(".kg-app").evaluate((app) => ({
      title: app.querySelector(".kg-title")?.tagName ?? null,
      tool: app.querySelector('[data-section="quiz"] .kg-section-title').tagName,
      question: app.querySelector(".kg-quiz-question").tagName,
    })),
    { title: null, tool: "H2", question: "H3" },
    'header="hide": the tools lead, one level below the host page\'s h1',
  );
  await hidden.context.close();

  // The standalone page owns its page: one banner, the h1, tools at h2.
  const alone = await openApp();
  assert.equal(await alone.page.locator('[role="banner"]').count(), 1);
  assert.equal(await alone.page.locator("h1.kg-title").count(), 1);
  assert.equal(await alone.page.locator('[data-section="quiz"] h2.kg-section-title').count(), 1);
  await alone.context.close();
});

test('header="hide" hides the built-in title; the disclaimers and "Need help now?" stay', async () => {
  const { context, page, errors, root } = await openEmbed("/no-title.html");
  assert.equal(await root.locator(".kg-title").count(), 0);
  assert.equal(await root.locator(".kg-tagline").count(), 0);
  assert.ok(await root.locator(".kg-disclaimer").isVisible());
  assert.ok(await root.locator(".kg-privacy").isVisible());
  await root.locator("[data-kg-help] summary").click();
  assert.ok(await root.locator('[data-kg-help] a[href="tel:988"]').isVisible());
  const axeOn = checker(page, "light", { include: [{ fromShadowDom: EMBED }] });
  await axeOn.check('header="hide", help open');
  await screenshot(page, "host-header-hidden");
  assert.deepEqual(errors, []);
  await context.close();
  axeOn.done(1);
});

test("invalid theme and header values get a readable message, in English and Spanish, and the defaults apply", async () => {
  for (const [path, words] of [
    ["/bad.html", [/“theme”.*“sepia”.*“auto”, “light” or “dark”/, /“header”.*“maybe”.*“show” or “hide”/]],
    ["/bad-es.html", [/“theme”.*“sepia”.*“auto”, “light” o “dark”/, /“header”.*“maybe”.*“show” o “hide”/]],
  ]) {
    const { context, root, errors } = await openEmbed(path);
    const box = root.locator("[data-config-errors]");
    await box.waitFor();
    const text = await box.innerText();
    for (const w of words) assert.match(text, w, `${path}: ${text}`);
    assert.doesNotMatch(text, /\{value\}/);
    assert.equal(await root.locator(".kg-title").count(), 1, "the title still shows");
    assert.equal(await root.locator(".kg-app").getAttribute("data-theme"), null, "colours follow the page");
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('"Need help now?" is in every tool of an embed, in Spanish too, with the Spanish options', async () => {
  const { context, page, errors, root } = await openEmbed("/bad-es.html");
  for (const section of ["quiz", "myths", "cost"]) {
    await showSection(root, section);
    const help = root.locator("[data-kg-help]");
    assert.ok(await help.locator("summary").isVisible(), `${section}: the link is there`);
  }
  await root.locator("[data-kg-help] summary").click();
  const help = root.locator("[data-kg-help]");
  assert.match(await help.locator("summary").innerText(), /¿Necesita ayuda ahora\?/);
  assert.match(await help.locator('a[href="tel:988"]').innerText(), /marque 2/);
  assert.equal(await help.locator('a[href^="sms:988"]').getAttribute("href"), "sms:988?&body=AYUDA");
  assert.equal(await help.locator('a[href="https://988lineadevida.org"]').count(), 1);
  assert.equal(await help.locator('a[href="tel:911"]').count(), 1);
  await screenshot(page, "host-help-es");
  assert.deepEqual(errors, []);
  await context.close();
});
