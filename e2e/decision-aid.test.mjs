// The guide as a patient decision aid (issue 18), where a person looks: the decision stated on
// the self-check's first screen (what it helps decide, for whom, what it cannot do) with the
// conditions behind "More about this decision", in English and Spanish; the optional values step
// ("What matters to you") by keyboard, kept with the answers, restored on reload and erased with
// them; the values beside the options and in the provider summary (screen, print and file); the
// options compared from the result and from the explorer, never ranked; and, in an embed, the
// line beside the clinic's booking link that says whose site it is (and who set the prices).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { env, useServers, openApp, openEmbed, play, persona, showSection } from "./a11y-support.mjs";
import { tabTo } from "./pages/self-check.mjs";
import { inViewport } from "./looks.mjs";
import { ARTIFACTS } from "./helpers.mjs";

const CTA = `cta-href="https://clinic.example/book" cta-label="Book a free consultation"`;
const PRICES = `prices='{"iv": {"low": 400, "typical": 450, "high": 500}}'`;
useServers({
  "/cta.html": { body: `<ketamine-guide sections="quiz myths cost" ${CTA}></ketamine-guide>` },
  "/cta-es.html": { body: `<ketamine-guide sections="quiz myths cost" lang="es" ${CTA}></ketamine-guide>` },
  "/cta-prices.html": { body: `<ketamine-guide sections="quiz myths cost" ${CTA} ${PRICES}></ketamine-guide>` },
  "/no-cta.html": { body: `<ketamine-guide sections="quiz cost"></ketamine-guide>` },
  "/quiz-only.html": { body: `<ketamine-guide sections="quiz" ${CTA}></ketamine-guide>` },
  "/no-store.html": { body: `<ketamine-guide sections="quiz" persist="none"></ketamine-guide>` },
});

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 800 } };
const LOCALES = { en: "en-US", es: "es-US" };
const shot = (page, name) => page.screenshot({ path: join(ARTIFACTS, `decision-${name}.png`) });

const DECISION = {
  en: {
    decision: [/decide whether to ask a provider about ketamine treatment, and which kind/, /adults with depression or another condition that has not improved with usual treatment/, /not a diagnosis and cannot say if a treatment is right for you/],
    more: "More about this decision",
    conditions: [/treatment-resistant depression/, /anxiety, PTSD, OCD, long-lasting pain and trouble sleeping/],
  },
  es: {
    decision: [/decidir si preguntar a un profesional por el tratamiento con ketamina y de qué tipo/, /adultos con depresión u otro problema que no mejoró con el tratamiento habitual/, /No es un diagnóstico ni puede decir qué tratamiento le conviene/],
    more: "Más sobre esta decisión",
    conditions: [/depresión resistente al tratamiento/, /la ansiedad, el TEPT, el TOC, el dolor de larga duración y los problemas para dormir/],
  },
};

for (const lang of ["en", "es"]) {
  test(`the self-check opens with the decision it supports, on screen with the first question (${lang})`, async () => {
    for (const [size, options] of [["phone", PHONE], ["desktop", DESKTOP]]) {
      for (const colorScheme of ["light", "dark"]) {
        const context = await env.browser.newContext({ ...options, locale: LOCALES[lang], colorScheme });
        const page = await context.newPage();
        // Which file carries which words: the statement comes with the questions, the longer
        // description with "Why we ask", after the first view.
        const files = {};
        page.on("response", async (r) => {
          const m = /kg-[a-z]+-(quiz|why)-[0-9a-f]{8}\.json$/.exec(r.url());
          if (m) files[m[1]] = await r.text();
        });
        await page.goto(env.server.url);
        await page.locator('.kg-app[data-ready="true"]').waitFor();
        const decision = page.locator("[data-decision]");
        const text = await decision.innerText();
        for (const phrase of DECISION[lang].decision) assert.match(text, phrase);
        assert.ok((await inViewport(page, decision)).inside, "the decision is on the first screen");
        const question = await inViewport(page, page.locator("fieldset[data-question] .kg-quiz-question").first());
        assert.ok(question.inside, `and the first question under it: ${JSON.stringify(question.box)}`);
        assert.ok((await inViewport(page, page.locator("fieldset[data-question] input").first())).inside, "with its answer box");
        await shot(page, `first-${size}-${lang}-${colorScheme}`);

        const more = decision.locator("summary");
        assert.equal((await more.innerText()).trim(), DECISION[lang].more);
        await more.click();
        const body = decision.locator("details p");
        for (const phrase of DECISION[lang].conditions) await body.filter({ hasText: phrase }).waitFor();
        await shot(page, `more-${size}-${lang}-${colorScheme}`);
        // And it opens by keyboard too: a native disclosure.
        await more.click();
        await more.focus();
        await page.keyboard.press("Enter");
        assert.equal(await decision.locator("details").getAttribute("open"), "");
        for (let i = 0; i < 200 && !(files.quiz && files.why); i++) await new Promise((r) => setTimeout(r, 20));
        assert.match(files.quiz, lang === "en" ? /decide whether to ask a provider/ : /decidir si preguntar/);
        assert.doesNotMatch(files.quiz, DECISION[lang].conditions[0], "the longer text is not in the first view");
        assert.match(files.why, DECISION[lang].conditions[0]);
        await context.close();
      }
    }
  });
}

const storedValues = (page, key = "kg:main:values") => page.evaluate((k) => sessionStorage.getItem(k), key);

/** Picks a weight for a value by keyboard: Tab to the group, Space picks the first weight, the
 * arrow keys move on. */
async function weigh(page, value, weight) {
  const group = `[data-values] [data-value="${value}"]`;
  const weights = await page.locator(`${group} input`).evaluateAll((els) => els.map((e) => e.value));
  await tabTo(page, `${group} input`);
  if ((await page.locator(`${group} input:checked`).count()) === 0) await page.keyboard.press("Space");
  for (let i = 0; i < weights.length; i++) {
    if ((await page.locator(`${group} input:checked`).getAttribute("value")) === weight) break;
    await page.keyboard.press("ArrowDown");
  }
  assert.equal(await page.locator(`${group} input:checked`).getAttribute("value"), weight);
}

/** The comparison's rows and any mark on them, and the columns marked, as the page shows them. */
const comparison = (root) =>
  root.locator("table[data-options]").evaluate((table) => ({
    rows: [...table.querySelectorAll("tbody tr")].map((tr) => tr.dataset.option),
    rowAttributes: [...table.querySelectorAll("tbody tr")].map((tr) => tr.getAttributeNames().sort().join(" ")),
    marked: [...table.querySelectorAll("thead th[data-matters]")].map((th) => th.dataset.column),
    cellsMarkedPerRow: [...table.querySelectorAll("tbody tr")].map((tr) => tr.querySelectorAll("td[data-matters]").length),
    text: table.closest(".kg-options").innerText,
  }));

test("what matters to you: optional, by keyboard, kept with the answers, beside the options and in the summary", { timeout: 180000 }, async () => {
  const { context, page, errors } = await openApp("", { ...DESKTOP, acceptDownloads: true });
  // The options as the explorer lists them, with no values: the order the result must keep.
  await showSection(page, "myths");
  await page.locator('[data-section="myths"] [data-action="options"]').click();
  await page.locator('[data-section="myths"] table[data-options]').waitFor();
  const plain = await comparison(page.locator('[data-section="myths"]'));
  assert.equal(plain.rows.length, 8);
  assert.deepEqual(plain.marked, []);
  await showSection(page, "quiz");

  await play(page, persona("worth-discussing"), {
    onReview: async () => {
      const step = page.locator("[data-values]");
      await step.waitFor();
      assert.equal(await step.locator("fieldset[data-value]").count(), 9);
      assert.equal(await step.locator("input:checked").count(), 0, "nothing is picked for the person");
      // Every radio has its label; every group its legend.
      for (const input of await step.locator("input[type=radio]").all()) {
        assert.ok((await input.evaluate((i) => i.labels.length)) === 1);
      }
      await page.locator(".kg-quiz-step-heading").focus();
      await weigh(page, "relief-soon", "very");
      await weigh(page, "memory", "not-important");
      await weigh(page, "total-cost", "somewhat");
      await page.locator("[data-values] [data-value=relief-soon]").scrollIntoViewIfNeeded();
      await shot(page, "values-desktop-en-light");
      assert.deepEqual(JSON.parse(await storedValues(page)), {
        v: 1,
        data: { memory: "not-important", "relief-soon": "very", "total-cost": "somewhat" },
      });
      // A reload keeps them, with the answers.
      await page.reload();
      await page.locator('.kg-app[data-ready="true"]').waitFor();
      await page.locator("[data-values] input:checked").nth(2).waitFor();
      const checked = await page.locator("[data-values] input:checked").evaluateAll((els) => els.map((e) => e.id));
      assert.deepEqual(checked, ["kg-values-relief-soon-very", "kg-values-memory-not-important", "kg-values-total-cost-somewhat"]);
      // Changing an answer leaves them as they were.
      await page.locator('[data-review="age"] button[data-action="change"]').click();
      await page.locator('fieldset[data-question="age"]').waitFor();
      await page.locator('button[data-action="next"]').click();
      await page.locator("[data-values] input:checked").nth(2).waitFor();
      assert.deepEqual(await page.locator("[data-values] input:checked").evaluateAll((els) => els.map((e) => e.id)), checked);
    },
  });

  // The result: the values as said, in the summary and beside the options.
  const lines = ["Feeling better soon: Very important", "Protecting my memory: Not important", "Keeping the total cost low: Somewhat important"];
  const listed = page.locator("[data-outcome] [data-values-summary] li");
  await listed.first().waitFor();
  assert.deepEqual(await listed.allInnerTexts(), lines);
  const compare = page.locator("[data-outcome] .kg-quiz-compare .kg-disclosure-button");
  assert.equal((await compare.innerText()).replace(/^\W+/, "").trim(), "Compare your options, including treatments that are not ketamine");
  await compare.click();
  const result = page.locator("[data-outcome]");
  await result.locator("table[data-options]").waitFor();
  assert.deepEqual(await result.locator("[data-values-shown] li").allInnerTexts(), lines);
  const withValues = await comparison(result);
  assert.deepEqual(withValues.rows, plain.rows, "the options keep their order whatever matters to the person");
  assert.deepEqual(withValues.rowAttributes, plain.rowAttributes, "no option carries a mark of its own");
  assert.deepEqual(withValues.marked, ["time", "cost"], "the columns that relate to what matters are marked");
  assert.ok(withValues.cellsMarkedPerRow.every((n) => n === 2), `every option marked alike: ${withValues.cellsMarkedPerRow}`);
  assert.doesNotMatch(
    withValues.text,
    /we recommend|recommended for you|best (option|choice|match) for you|your (best|top) (option|choice|match)|top pick|your score/i,
    "nothing is recommended to the person or scored",
  );
  assert.equal(await result.locator("[data-recommended], [data-rank], [data-score]").count(), 0);
  await result.locator("[data-values-shown]").scrollIntoViewIfNeeded();
  await shot(page, "compare-desktop-en-light");

  // In print: the values, not the long comparison.
  await page.emulateMedia({ media: "print" });
  assert.ok(await result.locator("[data-values-summary]").isVisible());
  assert.equal(await result.locator(".kg-quiz-compare").isVisible(), false);
  await page.emulateMedia({ media: "screen" });

  // In the downloaded file: a section of its own, after the answers.
  const [download] = await Promise.all([page.waitForEvent("download"), result.locator('button[data-action="download"]').click()]);
  const file = readFileSync(await download.path(), "utf8");
  const at = file.indexOf("What matters to you\n-------------------\n");
  assert.ok(at > file.indexOf("Every answer you gave"), "after every answer");
  assert.ok(at < file.indexOf("\nThe answers that led to this\n"), "before the reasons");
  assert.ok(file.includes(lines.map((l) => `- ${l}`).join("\n")), file.slice(at, at + 200));

  // From the result to the explorer's comparison.
  await result.locator('a[data-to="myths/options"]').click();
  const explorer = page.locator('[role=tabpanel][data-section="myths"]:not([hidden])');
  await explorer.locator("table[data-options]").waitFor();
  assert.equal(new URL(page.url()).hash, "#myths/options");
  await page.waitForFunction(() => document.activeElement?.matches(".kg-options-title"));
  await showSection(page, "quiz");

  // "Start again" erases them with the answers.
  await page.locator('button[data-action="restart"]').click();
  await page.locator('button[data-action="restart-confirm"]').click();
  await page.locator('fieldset[data-question="age"]').waitFor();
  assert.equal(await storedValues(page), null, "Start again erases the values");
  await play(page, persona("worth-discussing"), {
    onReview: async () => {
      await page.locator("[data-values] fieldset").first().waitFor();
      assert.equal(await page.locator("[data-values] input:checked").count(), 0);
      await page.locator("#kg-values-works-very").check();
      assert.notEqual(await storedValues(page), null);
      // "Clear these choices" takes them back.
      await page.locator('[data-values] button[data-action="values-clear"]').click();
      assert.equal(await page.locator("[data-values] input:checked").count(), 0);
      assert.equal(await storedValues(page), null);
      await page.locator("#kg-values-visits-somewhat").check();
    },
  });
  assert.deepEqual(await listed.allInnerTexts(), ["Fewer clinic visits: Somewhat important"]);
  // "Clear my answers" erases them too.
  await page.locator('.kg-quiz button[data-action="clear"]').click();
  assert.equal(await storedValues(page), null, "Clear my answers erases the values");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the values step is optional: the result comes without it, and says nothing of values", async () => {
  const { context, page, errors } = await openApp("", DESKTOP);
  await play(page, persona("review-first"));
  assert.equal(await page.locator("[data-values-summary]").count(), 0);
  await page.locator(".kg-quiz-compare .kg-disclosure-button").click();
  await page.locator("[data-outcome] table[data-options]").waitFor();
  assert.equal(await page.locator("[data-outcome] [data-values-shown]").count(), 0);
  assert.equal(await storedValues(page), null, "nothing stored for values never given");
  assert.deepEqual(errors, []);
  await context.close();
});

test("stored values of another version are dropped with the notice; the answers stay", async () => {
  const { context, page, errors } = await openApp("", DESKTOP);
  await play(page, persona("worth-discussing"), {
    onReview: async () => {
      await page.locator("#kg-values-works-very").check();
    },
  });
  await page.evaluate(() => sessionStorage.setItem("kg:main:values", '{"v":0,"data":{"works":"very"}}'));
  await page.reload();
  await page.locator('.kg-app[data-ready="true"]').waitFor();
  await page.locator('[data-notice="restore-failed"]').waitFor();
  assert.equal(await page.locator("[data-outcome]").getAttribute("data-outcome"), "worth-discussing", "the answers stay");
  assert.equal(await page.locator("[data-values-summary]").count(), 0);
  assert.equal(await storedValues(page), null, "the old value is gone");
  // Tampered values are dropped the same way.
  await page.locator('button[data-action="back"]').click();
  await page.locator("[data-values]").waitFor();
  await page.evaluate(() => sessionStorage.setItem("kg:main:values", '{"v":1,"data":["works"]}'));
  await page.reload();
  await page.locator('[data-notice="restore-failed"]').waitFor();
  assert.equal(await page.locator("[data-values] input:checked").count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the explorer offers the options comparison, and the result links to it only where the explorer is offered", async () => {
  const { context, page, errors } = await openApp("#myths", DESKTOP);
  await page.locator('[data-section="myths"] [data-action="options"]').click();
  await page.locator('[data-section="myths"] table[data-options] tr[data-option="ect"]').waitFor();
  assert.equal(new URL(page.url()).hash, "#myths/options");
  await context.close();
  const embed = await openEmbed("/quiz-only.html", DESKTOP);
  await play(embed.root, persona("worth-discussing"));
  assert.equal(await embed.root.locator('a[data-to="myths/options"]').count(), 0, "no link to a tool that is not offered");
  await embed.root.locator(".kg-quiz-compare .kg-disclosure-button").click();
  await embed.root.locator("[data-outcome] table[data-options] tr[data-option]").first().waitFor();
  assert.deepEqual([...errors, ...embed.errors], []);
  await embed.context.close();
});

/** The line beside the booking link: where it is, what it says and that the link names it. */
async function ctaNote(page, scope) {
  const link = scope.locator("[data-cta]");
  const note = scope.locator("[data-cta-disclosure]");
  await note.waitFor();
  // Both boxes from one layout: what loads above them (a stylesheet, a chunk) moves both alike.
  const [l, n] = await note.evaluate(
    (noteEl, linkEl) => [linkEl, noteEl].map((e) => e.getBoundingClientRect().toJSON()),
    await link.elementHandle(),
  );
  assert.ok(n.y >= l.y + l.height - 1 && n.y - (l.y + l.height) < 40, `right under the link: ${JSON.stringify({ l, n })}`);
  const id = await note.getAttribute("id");
  assert.ok((await link.getAttribute("aria-describedby")).split(" ").includes(id), "the link is described by the line");
  return note.innerText();
}

const OWNER = /The owner of this website offers ketamine treatment\. They did not write this guide or choose what it says\./;
const SET_PRICES = /They set the prices shown here for this treatment\./;

test("in an embed, a line beside the booking link says the site's owner offers the treatment and did not write the guide", { timeout: 120000 }, async () => {
  for (const [size, options] of [["phone", PHONE], ["desktop", DESKTOP]]) {
    for (const colorScheme of ["light", "dark"]) {
      const { context, page, errors, root } = await openEmbed("/cta.html", { ...options, colorScheme });
      await play(root, persona("worth-discussing"));
      const result = root.locator("[data-outcome]");
      const said = await ctaNote(page, result);
      assert.match(said, OWNER);
      assert.doesNotMatch(said, SET_PRICES, "no prices on the result, so nothing about setting them");
      await result.locator("[data-cta-disclosure]").scrollIntoViewIfNeeded();
      await shot(page, `cta-result-${size}-${colorScheme}`);
      await showSection(root, "cost");
      const cost = root.locator(".kg-cost");
      const costSaid = await ctaNote(page, cost);
      assert.match(costSaid, OWNER);
      assert.doesNotMatch(costSaid, SET_PRICES, "typical prices, not the clinic's");
      await cost.locator("[data-cta-disclosure]").scrollIntoViewIfNeeded();
      await shot(page, `cta-estimate-${size}-${colorScheme}`);
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
});

test("with the clinic's own prices, the line also says it set them, only where its prices are shown", async () => {
  const { context, page, errors, root } = await openEmbed("/cta-prices.html", { ...PHONE, colorScheme: "light" });
  await showSection(root, "cost");
  const cost = root.locator(".kg-cost");
  await cost.locator('[data-prices-origin="clinic"]').waitFor();
  assert.match(await ctaNote(page, cost), SET_PRICES);
  await cost.locator("[data-cta-disclosure]").scrollIntoViewIfNeeded();
  await shot(page, "cta-estimate-prices-phone-light");
  // Esketamine: the clinic listed no price for it, so the prices shown are not its own.
  await cost.locator("#kg-cost-route-esketamine").check();
  await cost.locator('[data-prices-origin="typical"]').waitFor();
  const said = await ctaNote(page, cost);
  assert.match(said, OWNER);
  assert.doesNotMatch(said, SET_PRICES);
  await showSection(root, "quiz");
  await play(root, persona("review-first"));
  assert.doesNotMatch(await ctaNote(page, root.locator("[data-outcome]")), SET_PRICES);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the line is in Spanish in a Spanish embed, and absent where there is no booking link", async () => {
  const es = await openEmbed("/cta-es.html", { ...PHONE, colorScheme: "dark", locale: "es-US" });
  await showSection(es.root, "cost");
  assert.match(
    await ctaNote(es.page, es.root.locator(".kg-cost")),
    /El dueño de este sitio web ofrece tratamiento con ketamina\. No escribió esta guía ni decidió lo que dice\./,
  );
  await es.root.locator(".kg-cost [data-cta-disclosure]").scrollIntoViewIfNeeded();
  await shot(es.page, "cta-estimate-phone-es-dark");
  await es.context.close();

  const none = await openEmbed("/no-cta.html", DESKTOP);
  await play(none.root, persona("worth-discussing"));
  await none.root.locator("[data-outcome] [data-disclosure]").waitFor();
  assert.equal(await none.root.locator("[data-cta], [data-cta-disclosure]").count(), 0, "no link, no line");
  await showSection(none.root, "cost");
  await none.root.locator(".kg-cost [data-disclosure]").waitFor();
  assert.equal(await none.root.locator("[data-cta-disclosure]").count(), 0);
  await none.context.close();

  const page = await openApp("", PHONE);
  await play(page.page, persona("worth-discussing"));
  await page.page.locator("[data-outcome] [data-disclosure]").waitFor();
  assert.equal(await page.page.locator("[data-cta], [data-cta-disclosure]").count(), 0, "the standalone page has neither");
  await showSection(page.page, "cost");
  await page.page.locator(".kg-cost [data-disclosure]").waitFor();
  assert.equal(await page.page.locator("[data-cta-disclosure]").count(), 0);
  assert.deepEqual([...none.errors, ...page.errors], []);
  await page.context.close();
});

const ABOUT = {
  en: {
    open: "About this guide and how we check the evidence",
    says: [/first version was made on November 24, 2026/, /at least every six months/, /has no sponsor/, /has not yet reviewed this version/],
  },
  es: {
    open: "Acerca de esta guía y de cómo revisamos la evidencia",
    says: [/primera versión se hizo el 24 de noviembre de 2026/, /al menos cada seis meses/, /no tiene patrocinador/, /ha revisado todavía esta versión/],
  },
};

for (const lang of ["en", "es"]) {
  test(`the result and the other tools end with "About this guide": dates, update policy, who writes it and who pays, opened by keyboard (${lang})`, { timeout: 120000 }, async () => {
    const { context, page, errors } = await openApp("", { ...PHONE, locale: LOCALES[lang] });
    // The self-check shows it under its result (the questions' screens stay short).
    assert.equal(await page.locator("[data-disclosure]").count(), 0);
    await play(page, persona("worth-discussing"));
    for (const tool of ["quiz", "myths", "cost"]) {
      await showSection(page, tool);
      const about = page.locator(`[role=tabpanel][data-section="${tool}"] [data-disclosure]`);
      await about.waitFor();
      assert.equal(await about.locator(`[data-checked="${tool}"]`).count(), 1, `${tool}: its check date`);
      const button = about.locator(".kg-disclosure-button");
      assert.equal((await button.innerText()).replace(/^\W+/, "").trim(), ABOUT[lang].open);
      assert.equal(await button.getAttribute("aria-expanded"), "false");
      await button.focus();
      await page.keyboard.press("Enter");
      assert.equal(await button.getAttribute("aria-expanded"), "true");
      const sections = await about.locator("[data-about]").evaluateAll((els) => els.map((e) => e.dataset.about));
      assert.deepEqual(sections.sort(), ["dates", "errors", "funding", "method", "who"]);
      const text = await about.innerText();
      for (const phrase of ABOUT[lang].says) assert.match(text, phrase, `${tool}: ${phrase}`);
      if (tool === "quiz") {
        await about.locator('[data-about="funding"]').scrollIntoViewIfNeeded();
        await shot(page, `about-phone-${lang}`);
      }
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("with persist=\"none\" nothing is stored, and what matters to you still outlives a change of answer", async () => {
  const { context, root, errors, page } = await openEmbed("/no-store.html", DESKTOP);
  await play(root, persona("worth-discussing"), {
    onReview: async () => {
      await root.locator("#kg-values-visits-very").check();
      await root.locator('[data-review="age"] button[data-action="change"]').click();
      await root.locator('fieldset[data-question="age"]').waitFor();
      await root.locator('button[data-action="next"]').click();
      await root.locator("#kg-values-visits-very:checked").waitFor();
    },
  });
  assert.deepEqual(await root.locator("[data-values-summary] li").allInnerTexts(), ["Fewer clinic visits: Very important"]);
  assert.equal(await page.evaluate(() => sessionStorage.length + localStorage.length), 0, "nothing stored");
  assert.deepEqual(errors, []);
  await context.close();
});
