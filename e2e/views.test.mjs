// Where a person looks, on a phone (390×844), at 200 % zoom (640×360) and on a desktop: the
// first question visible without scrolling in English and Spanish; after "I'm not sure" to
// self-harm, the crisis message is the next thing on screen, inside the viewport and focused,
// with call and text links; "Need help now?" at the top of every tool; the result headline at
// the top with Print and Download beside it; the provider summary with every answer (the "no"
// answers too), deciding ones first, on screen, in the file and in print (few pages, no focus
// ring); links to the other tools; the progress read with the question; follow-up questions
// naming only what was picked; the pregnancy question saying why everyone is asked.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { useServers, openApp, openEmbed, play, persona, showSection, answer, next } from "./a11y-support.mjs";
import { inViewport } from "./looks.mjs";
import { screenshot, ARTIFACTS } from "./helpers.mjs";
import { join } from "node:path";

useServers({
  "/both.html": {
    head: `<meta name="color-scheme" content="light dark">`,
    body: `<ketamine-guide sections="quiz myths cost" cta-href="https://clinic.example/book" cta-label="Book a free consultation"></ketamine-guide>`,
  },
  "/quiz-only.html": { body: `<ketamine-guide sections="quiz"></ketamine-guide>` },
});

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };
const DESKTOP = { viewport: { width: 1280, height: 800 } };
/** A 1280×720 screen at 200 % zoom: 640×360 CSS pixels, each drawn twice as large. */
const ZOOM_200 = { viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 };
const LOCALES = { en: "en-US", es: "es-US" };
const unsure = () => persona("not-suitable", true);

/** A viewport screenshot (what is on screen, not the whole page). */
const shot = (page, name) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });

/** Whether the focused element (through shadow roots) matches `selector`. */
const focused = (page, selector) =>
  page.evaluate((s) => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return !!a && a.matches(s);
  }, selector);

for (const lang of ["en", "es"]) {
  test(`the first question is visible without scrolling on a phone (${lang})`, async () => {
    for (const colorScheme of ["light", "dark"]) {
      const { context, page } = await openApp("", { ...PHONE, locale: LOCALES[lang], colorScheme });
      const question = page.locator("fieldset[data-question] .kg-quiz-question").first();
      await question.waitFor();
      assert.equal(await page.evaluate(() => scrollY), 0);
      const heading = await inViewport(page, question);
      assert.ok(heading.inside, `the question at ${JSON.stringify(heading.box)} on a 390×844 screen`);
      const input = await inViewport(page, page.locator("fieldset[data-question] input").first());
      assert.ok(input.inside, `its answer box at ${JSON.stringify(input.box)}`);
      // One row of tabs, and "Need help now?" at the top.
      const tops = await page.locator("[role=tab]").evaluateAll((ts) => [...new Set(ts.map((t) => Math.round(t.getBoundingClientRect().top)))]);
      assert.equal(tops.length, 1, `tabs on one row: ${tops}`);
      assert.ok((await inViewport(page, page.locator("[data-kg-help] summary"))).inside);
      await shot(page, `view-first-phone-${lang}-${colorScheme}`);
      await context.close();
    }
  });

  test(`after "I'm not sure" to self-harm, the crisis message is the next thing on a phone, focused, with call and text links (${lang})`, async () => {
    for (const colorScheme of ["light", "dark"]) {
      const { context, page, errors } = await openApp("", { ...PHONE, locale: LOCALES[lang], colorScheme });
      let seen = false;
      await play(page, unsure(), {
        onHelp: async () => {
          const alert = page.locator("[role=alert]");
          const where = await inViewport(page, alert);
          assert.ok(where.inside, `the whole message is on screen: ${JSON.stringify(where.box)}`);
          assert.ok(where.box.y < 20, "at the top of the screen");
          assert.ok(await focused(page, "[role=alert]"), "focus is on the message");
          assert.equal(await alert.getAttribute("aria-labelledby"), "kg-quiz-crisis-title");
          assert.equal(await page.locator("fieldset[data-question]").count(), 0, "no question competes with it");
          assert.ok((await inViewport(page, page.locator('button[data-action="continue"]'))).inside, "Continue is in view");
          assert.equal(await alert.locator('a[href="tel:988"]').count(), 1);
          assert.equal(await alert.locator('a[href^="sms:988"]').count(), 1);
          assert.equal(await alert.locator('a[href="tel:911"]').count(), 1);
          if (lang === "es") {
            assert.match(await alert.innerText(), /marque 2/);
            assert.equal(await alert.locator('a[href^="sms:988"]').getAttribute("href"), "sms:988?&body=AYUDA");
          }
          await shot(page, `view-crisis-phone-${lang}-${colorScheme}`);
          seen = true;
        },
      });
      assert.ok(seen);
      // The crisis help leads the result, and the headline is on the same screen.
      const alert = await inViewport(page, page.locator("[role=alert]"));
      assert.ok(alert.box.y >= -1 && alert.box.y < 20, `crisis help at the top of the result: ${alert.box.y}`);
      const headline = await inViewport(page, page.locator("[data-outcome] .kg-quiz-outcome"));
      assert.ok(headline.inside, `and the headline on the same screen: ${JSON.stringify(headline.box)}`);
      await shot(page, `view-result-crisis-phone-${lang}-${colorScheme}`);
      assert.deepEqual(errors, []);
      await context.close();
    }
  });

  // UX review 2.4: at 200 % zoom on a 1280×720 screen (640×360 CSS pixels) the first question
  // was at y≈660, two screens down, for a person who uses the keyboard only. The header and the
  // self-check are tighter on a short screen, the decision is stated on the first screen
  // (IPDAS), and six Tab presses reach the first answer box, which is then on screen with its
  // question.
  test(`at 200 % zoom the decision is on the first screen and six Tab presses bring the first question into view (${lang})`, async () => {
    for (const colorScheme of ["light", "dark"]) {
      const { context, page, errors } = await openApp("", { ...ZOOM_200, locale: LOCALES[lang], colorScheme });
      const question = page.locator("fieldset[data-question] .kg-quiz-question").first();
      await question.waitFor();
      assert.equal(await page.evaluate(() => scrollY), 0);
      const decision = await inViewport(page, page.locator("[data-decision] > p"));
      assert.ok(decision.box.y >= 0 && decision.box.y < 300, `the decision starts on the first screen: ${JSON.stringify(decision.box)}`);
      // Tighter than before: the question starts less than one screen below the first.
      assert.ok((await question.boundingBox()).y < 2 * 360 - 300, "the first question is within reach");
      await shot(page, `view-first-zoom-200-${lang}-${colorScheme}`);
      const input = page.locator("fieldset[data-question] input").first();
      let presses = 0;
      while (!(await input.evaluate((el) => el === document.activeElement)) && presses < 6) {
        await page.keyboard.press("Tab");
        presses++;
      }
      assert.ok(await input.evaluate((el) => el === document.activeElement), `the answer box after ${presses} Tab presses`);
      assert.ok((await inViewport(page, input)).inside, "the focused answer box is on screen");
      assert.ok((await inViewport(page, question)).inside, "with its question");
      await shot(page, `view-first-zoom-200-${lang}-${colorScheme}-focused`);
      assert.deepEqual(errors, []);
      await context.close();
    }
  });

  // UX review 2.6: a 67-year-old read the pregnancy question as not written for her. It says
  // why everyone is asked, and "None of these" is one tap that clears any other choice.
  test(`the pregnancy question says it is asked of everyone, and "None of these" stands alone (${lang})`, async () => {
    const { context, page, errors } = await openApp("", { ...PHONE, locale: LOCALES[lang] });
    let seen = false;
    await play(page, persona("worth-discussing"), {
      onScreen: async (questions) => {
        if (!questions.includes("pregnancy")) return;
        seen = true;
        const field = page.locator('fieldset[data-question="pregnancy"]');
        const described = await field.getAttribute("aria-describedby");
        assert.ok(described, "the question has a description");
        const hint = await page.locator(`[id="${described.split(" ")[0]}"]`).innerText();
        assert.match(hint, lang === "en" ? /^We ask everyone\./ : /^Se lo preguntamos a todas las personas\./);
        await field.locator('input[value="breastfeeding"]').check();
        await field.locator('input[value="none"]').check();
        assert.deepEqual(await field.locator("input:checked").evaluateAll((els) => els.map((e) => e.value)), ["none"]);
      },
    });
    assert.ok(seen, "the persona met the pregnancy question");
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("the crisis message is the next thing on screen inside an embed on a phone too", async () => {
  const { context, page, root } = await openEmbed("/both.html", { ...PHONE, colorScheme: "dark" });
  await play(root, unsure(), {
    onHelp: async () => {
      const where = await inViewport(page, root.locator("[role=alert]"));
      assert.ok(where.inside, JSON.stringify(where.box));
      assert.ok(await focused(page, "[role=alert]"));
      await shot(page, "view-crisis-phone-embed-dark");
    },
  });
  await context.close();
});

test('"Need help now?" is at the top of every tool and opens the contacts, standalone', async () => {
  for (const [lang, options] of [
    ["en", PHONE],
    ["es", DESKTOP],
  ]) {
    const { context, page } = await openApp("", { ...options, locale: LOCALES[lang] });
    for (const section of ["quiz", "myths", "cost"]) {
      await showSection(page, section);
      await page.evaluate(() => scrollTo(0, 0));
      assert.ok((await inViewport(page, page.locator("[data-kg-help] summary"))).inside, section);
    }
    await page.locator("[data-kg-help] summary").click();
    const help = page.locator("[data-kg-help]");
    for (const link of ['a[href="tel:988"]', 'a[href^="sms:988"]', 'a[href="tel:911"]']) {
      assert.ok((await inViewport(page, help.locator(link))).inside, `${link} in view once open`);
    }
    await shot(page, `view-help-${lang}-${options === PHONE ? "phone" : "desktop"}`);
    await context.close();
  }
});

test("the result: headline at the top with Print and Download beside it, every answer listed, links to the other tools", async () => {
  for (const [options, size] of [
    [PHONE, "phone"],
    [DESKTOP, "desktop"],
  ]) {
    const { context, page, errors } = await openApp("", { ...options, acceptDownloads: true });
    const who = persona("review-first");
    await play(page, who);
    const headline = page.locator("[data-outcome] .kg-quiz-outcome");
    const top = await inViewport(page, headline);
    // The result starts at the top of the screen: its one-line title, then the headline.
    assert.ok(top.inside && top.box.y < 100, `headline at the top: ${JSON.stringify(top.box)}`);
    assert.ok(await focused(page, "[data-outcome] .kg-quiz-outcome"));
    for (const action of ["print", "download"]) {
      assert.ok((await inViewport(page, page.locator(`[data-outcome] button[data-action="${action}"]`))).inside, `${action} beside the headline`);
    }
    await shot(page, `view-result-top-${size}`);

    // Every answer given, the "no" answers too: as many rows as the review had, deciding first.
    const rows = page.locator("[data-outcome] [data-answer]");
    const asked = Object.keys(who.answers).length;
    assert.ok((await rows.count()) >= asked - 1, `${await rows.count()} rows for ${asked} answers`);
    const first = await rows.first().getAttribute("data-effect");
    assert.equal(first, "review-first", "a deciding answer leads");
    const text = await page.locator("[data-outcome] .kg-quiz-all").innerText();
    assert.match(text, /Have you ever had psychosis[^\n]*\n?\s*No/, "a no answer is listed");
    assert.match(text, /How old are you\?\s*40 years/);
    await rows.first().scrollIntoViewIfNeeded();
    await shot(page, `view-result-answers-${size}`);

    // The file holds them all too, after the outcome.
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator('button[data-action="download"]').click()]);
    const file = readFileSync(await download.path(), "utf8");
    for (const row of await rows.evaluateAll((rs) => rs.map((r) => r.querySelector("th").innerText.trim()))) {
      assert.ok(file.includes(row), `file lists "${row}"`);
    }
    assert.match(file, /Every answer you gave/);

    // Links to the estimator and the explorer, which open their tab and take focus there.
    await page.locator('[data-outcome] a[data-to="cost"]').click();
    await page.locator('[role=tab][data-tab="cost"][aria-selected="true"]').waitFor();
    assert.ok(await focused(page, '[role=tab][data-tab="cost"]'));
    await showSection(page, "quiz");
    await page.locator('[data-outcome] a[data-to="myths"]').click();
    await page.locator('[role=tab][data-tab="myths"][aria-selected="true"]').waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  }
  // Not offered in this instance: no link to it.
  const { context, root } = await openEmbed("/quiz-only.html");
  await play(root, persona("worth-discussing"));
  assert.equal(await root.locator("[data-outcome] [data-to]").count(), 0);
  await context.close();
});

test("printed, the summary leads with the crisis help, has every answer, no focus ring and few pages", async () => {
  const { context, page } = await openApp();
  await play(page, unsure());
  await page.locator("[data-outcome] .kg-quiz-outcome").focus();
  await page.emulateMedia({ media: "print" });
  const ring = await page.locator("[data-outcome] .kg-quiz-outcome").evaluate((el) => getComputedStyle(el).outlineStyle);
  assert.equal(ring, "none", "no focus ring on paper");
  const top = async (l) => (await l.boundingBox()).y;
  assert.ok((await top(page.locator("[role=alert]"))) < (await top(page.locator("[data-outcome]"))), "crisis help first");
  assert.ok(await page.locator("[data-outcome] .kg-quiz-all").isVisible(), "every answer printed");
  assert.equal(await page.locator("[data-outcome] .kg-quiz-actions").isVisible(), false);
  await screenshot(page, "view-print");
  const pdf = await page.pdf({ format: "Letter", printBackground: false });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.ok(pages >= 1 && pages <= 3, `printed on ${pages} pages (crisis help, three reasons, every answer)`);
  await context.close();
});

test("after a Change, 'Save and return to my answers' leads back to the row changed", async () => {
  const { context, page } = await openApp("", PHONE);
  await play(page, persona("worth-discussing"));
  // From the result: back to the review, and change the route.
  await next(page, "back");
  await page.locator('[data-review="route"] button[data-action="change"]').click();
  await page.locator('fieldset[data-question="route"]').waitFor();
  const save = page.locator('button[data-action="next"]');
  assert.equal((await save.innerText()).trim(), "Save and return to my answers");
  await answer(page, "route", "esketamine");
  await save.click();
  await page.locator('.kg-quiz[data-step="review"]').waitFor();
  await page.waitForFunction(() => document.activeElement?.matches('[data-review="route"]'));
  assert.ok((await inViewport(page, page.locator('[data-review="route"]'))).inside, "the row is in view");
  await shot(page, "view-review-after-change-phone");
  await context.close();
});

test("the progress is read with the question; a follow-up names only the conditions picked (Spanish)", async () => {
  const { context, page } = await openApp("", { locale: "es-US" });
  const name = async () => (await page.locator("fieldset[data-question] .kg-quiz-question").first().innerText()).replace(/\s+/g, " ").trim();
  assert.match(await name(), /^Pregunta 1 de un máximo de \d+ ¿Cuántos años tiene\?$/);
  await answer(page, "age", 40);
  await next(page);
  await answer(page, "pregnancy", ["none"]);
  await next(page);
  const total = (await name()).match(/máximo de (\d+)/)[1];
  await answer(page, "conditions", ["anxiety"]);
  await next(page);
  const legend = await name();
  assert.match(legend, new RegExp(`^Pregunta 4 de un máximo de ${total} Para su ansiedad, ¿ya probó`), "the count stays; only anxiety is named");
  assert.doesNotMatch(legend, /TEPT|TOC|dolor/);
  await context.close();
});

test("decorative glyphs are not read out: a pressed chip's tick, an error's warning sign", async () => {
  const { context, page } = await openApp("#myths");
  const chip = page.locator(".kg-chip[data-filter-topic]").first();
  await chip.click();
  await page.locator('.kg-chip[data-filter-topic][aria-pressed="true"]').first().waitFor();
  // The tick is a span hidden from screen readers (src/ui/myths/filters.rs).
  assert.equal(await chip.locator('[aria-hidden="true"]').innerText(), "✓", "the tick is drawn");
  assert.doesNotMatch(await chip.ariaSnapshot(), /✓/, "but not part of the chip's name");
  await showSection(page, "quiz");
  await page.locator('.kg-quiz button[data-action="next"]').click();
  const error = page.locator(".kg-quiz-error").first();
  await error.waitFor();
  assert.doesNotMatch(await error.ariaSnapshot(), /⚠/);
  await context.close();
});
