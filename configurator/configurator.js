// The clinic configurator: a form for every embed setting, checked at each field, mirrored
// into a live <ketamine-guide> preview and into the snippet to copy. The rules and the snippet
// live in settings.js; the hosting check in hosting.js.
import {
  ROUTES, DEFAULT_ACCENT, defaults, validate, attributes, snippet, embedUrl, fromSnippet, folder,
  boostersPerMonth, typicalPrice,
} from "./settings.js";
import { checkHosting, explain } from "./hosting.js";

const $ = (id) => document.getElementById(id);
const form = $("cf-form");
const release = (() => {
  try {
    return JSON.parse($("cf-release").textContent);
  } catch {
    return { name: "ketamine-guide", version: "", integrity: "", files: {} };
  }
})();

// ---------------------------------------------------------------------------------------
// The treatments' part of the form, built once; the other fields are in index.html.

const PRICE_LEVELS = [
  ["low", "Lowest"],
  ["typical", "Typical, if you have one"],
  ["high", "Highest"],
];

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === true) node.setAttribute(k, "");
    else if (v !== false && v !== undefined) node.setAttribute(k, v);
  }
  node.append(...children);
  return node;
}

/** An amount field with its error line; `key` names both (see settings.validate). */
function amountField(key, label) {
  return el("div", { class: "cf-field" },
    el("label", { for: `cf-${key}`, "data-money-label": label }, label),
    el("input", { id: `cf-${key}`, name: key, inputmode: "decimal", autocomplete: "off", class: "cf-short", "aria-describedby": `cf-${key}-error` }),
    el("p", { class: "cf-error", id: `cf-${key}-error`, hidden: true }));
}

/** One price: typical US prices, one price, or a range. `key` is e.g. "price-iv". */
function priceBlock(key, legend) {
  const mode = (value, text, checked) =>
    el("label", {}, el("input", { type: "radio", name: `${key}-mode`, value, checked }), ` ${text}`);
  return el("fieldset", { class: "cf-price", "data-price": key },
    el("legend", {}, legend),
    mode("typical", "Typical US prices (no price of my own)", true),
    mode("one", "One price", false),
    mode("range", "A range: lowest, typical and highest", false),
    el("div", { class: "cf-price-one cf-indent" }, amountField(`${key}-one`, "Price")),
    el("div", { class: "cf-price-range cf-indent cf-row" },
      ...PRICE_LEVELS.map(([level, label]) => amountField(`${key}-${level}`, label))));
}

function routeBlock(route) {
  const body = el("div", { class: "cf-route-body" });
  if (route.id === "esketamine") {
    body.append(
      priceBlock("price-esketamine", "Price of one nasal spray device"),
      el("div", { class: "cf-field" },
        el("label", { for: "cf-devices" }, "Devices in one dose"),
        el("select", { id: "cf-devices", name: "devices" },
          el("option", { value: "2" }, "2 devices (56 mg)"),
          el("option", { value: "3" }, "3 devices (84 mg)"))),
      priceBlock("price-observation", "Your fee for each treatment (observation)"));
  } else {
    body.append(priceBlock(`price-${route.id}`, `Price ${route.unit}`));
  }
  const move = (dir, text) =>
    el("button", { type: "button", class: "cf-button cf-secondary cf-small", "data-move": dir, "aria-label": `${text}: ${route.name}` }, text);
  return el("fieldset", { class: "cf-route", "data-route": route.id, id: `cf-route-${route.id}` },
    el("legend", {}, route.name),
    el("label", { class: "cf-offer" }, el("input", { type: "checkbox", name: `offer-${route.id}`, id: `cf-offer-${route.id}`, checked: true }), " We offer this"),
    body,
    el("p", { class: "cf-move" }, move("up", "Move up"), " ", move("down", "Move down")));
}

$("cf-routes").append(...ROUTES.map(routeBlock));

// ---------------------------------------------------------------------------------------
// Form ⇄ settings.

const value = (name) => form.elements[name]?.value ?? "";
const checked = (name) => form.querySelector(`input[name="${name}"]:checked`)?.value ?? "";

function readPrice(key) {
  return {
    mode: checked(`${key}-mode`) || "typical",
    one: value(`${key}-one`),
    low: value(`${key}-low`),
    typical: value(`${key}-typical`),
    high: value(`${key}-high`),
  };
}

function readForm() {
  return {
    sections: [...form.querySelectorAll('input[name="section"]:checked')].map((i) => i.value),
    start: value("start"),
    lang: value("lang"),
    currency: value("currency"),
    accent: value("accent"),
    theme: value("theme"),
    header: value("header"),
    ctaHref: value("ctaHref"),
    ctaLabel: value("ctaLabel"),
    persist: value("persist"),
    courseSessions: value("courseSessions"),
    boosterWeeks: value("boosterWeeks"),
    routes: [...$("cf-routes").children].map((block) => {
      const id = block.dataset.route;
      const route = { id, offered: $(`cf-offer-${id}`).checked, price: readPrice(`price-${id}`) };
      if (id === "esketamine") Object.assign(route, { devices: value("devices"), observation: readPrice("price-observation") });
      return route;
    }),
    hosting: { mode: checked("hosting") || "self", self: value("hostingSelf"), cdn: value("hostingCdn") },
  };
}

function writePrice(key, price = typicalPrice()) {
  for (const radio of form.querySelectorAll(`input[name="${key}-mode"]`)) radio.checked = radio.value === price.mode;
  for (const part of ["one", "low", "typical", "high"]) form.elements[`${key}-${part}`].value = price[part] ?? "";
}

function writeForm(s) {
  for (const box of form.querySelectorAll('input[name="section"]')) box.checked = s.sections.includes(box.value);
  for (const name of ["start", "lang", "currency", "theme", "header", "persist"]) form.elements[name].value = s[name];
  // A value the select does not offer (a pasted "start" of an unknown tool) shows as the default.
  for (const name of ["start", "lang"]) if (form.elements[name].value !== s[name]) form.elements[name].value = "";
  form.elements.accent.value = s.accent;
  if (/^#[0-9a-f]{6}$/i.test(s.accent)) $("cf-accent").value = s.accent.toLowerCase();
  form.elements.ctaHref.value = s.ctaHref;
  form.elements.ctaLabel.value = s.ctaLabel;
  form.elements.courseSessions.value = s.courseSessions;
  form.elements.boosterWeeks.value = s.boosterWeeks;
  const list = $("cf-routes");
  for (const r of s.routes) {
    const block = $(`cf-route-${r.id}`);
    list.append(block); // in the settings' order
    $(`cf-offer-${r.id}`).checked = r.offered;
    writePrice(`price-${r.id}`, r.price);
    if (r.id === "esketamine") {
      form.elements.devices.value = r.devices;
      writePrice("price-observation", r.observation);
    }
  }
  for (const radio of form.querySelectorAll('input[name="hosting"]')) radio.checked = radio.value === s.hosting.mode;
  form.elements.hostingSelf.value = s.hosting.self;
  form.elements.hostingCdn.value = s.hosting.cdn;
}

// ---------------------------------------------------------------------------------------
// Inline checks. A field shows its problem once it has been left (or after a paste or a
// copy attempt); the summary above the code always lists every problem.

const touched = new Set();
let showAll = false;

/** The element a problem belongs to (its error line is `cf-<key>-error`). */
const FIELD = {
  sections: "cf-sections",
  start: "cf-start",
  currency: "cf-currency",
  routes: "cf-routes",
  courseSessions: "cf-course",
  boosterWeeks: "cf-booster",
  ctaHref: "cf-cta-href",
  ctaLabel: "cf-cta-label",
  accent: "cf-accent-text",
  hostingSelf: "cf-hosting-self",
  hostingCdn: "cf-hosting-cdn",
};
const fieldOf = (key) => $(FIELD[key] || `cf-${key}`);
const NAMES = {
  sections: "Tools",
  start: "Tool that opens first",
  currency: "Currency",
  routes: "Treatments",
  courseSessions: "Sessions in a first course",
  boosterWeeks: "Weeks between boosters",
  ctaHref: "Booking page address",
  ctaLabel: "Words on the button",
  accent: "Brand colour",
  hostingSelf: "Folder address",
  hostingCdn: "CDN address",
};
function nameOf(key) {
  if (NAMES[key]) return NAMES[key];
  const [, route, part] = key.match(/^price-([a-z]+)-([a-z]+)$/) || [];
  const what = route === "observation" ? "Esketamine observation fee" : route === "esketamine" ? "Esketamine device price" : ROUTES.find((r) => r.id === route)?.name;
  const level = { one: "price", low: "lowest price", typical: "typical price", high: "highest price" }[part];
  return `${what}, ${level}`;
}

function showErrors(problems) {
  for (const line of document.querySelectorAll(".cf-error")) {
    const key = line.id.replace(/^cf-/, "").replace(/-error$/, "");
    const problem = problems[key];
    const shown = problem && (showAll || touched.has(key));
    line.hidden = !shown;
    line.textContent = shown ? problem : "";
    const field = fieldOf(key);
    if (field && field.matches("input, select, textarea")) {
      if (shown) field.setAttribute("aria-invalid", "true");
      else field.removeAttribute("aria-invalid");
    }
  }
}

// ---------------------------------------------------------------------------------------
// The preview: one <ketamine-guide> with the settings' attributes. It never stores answers.
// A new first tool needs a new element (the first tool applies when an element starts).

const PREVIEW_ATTRIBUTES = ["sections", "start", "lang", "currency", "prices", "cta-href", "cta-label", "theme", "header", "routes", "course-sessions", "booster-weeks"];
let preview = $("cf-preview");
let previewStart = null;

function updatePreview(s, attrs) {
  const start = attrs.find(([k]) => k === "start")?.[1] ?? "";
  if (previewStart !== null && start !== previewStart) {
    const fresh = el("ketamine-guide", { id: "cf-preview", persist: "none" });
    preview.replaceWith(fresh);
    preview = fresh;
    watchPreview();
  }
  previewStart = start;
  for (const name of PREVIEW_ATTRIBUTES) {
    const found = attrs.find(([k]) => k === name);
    if (!found) preview.removeAttribute(name);
    else if (preview.getAttribute(name) !== found[1]) preview.setAttribute(name, found[1]);
  }
  const accent = s.accent.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(accent) && accent !== DEFAULT_ACCENT) preview.style.setProperty("--kg-accent", accent);
  else preview.style.removeProperty("--kg-accent");
}

/** The problems the preview's widget itself reports ([data-config-errors]), as text. */
function previewProblems() {
  const list = preview.shadowRoot?.querySelector("[data-config-errors]");
  return list ? [...list.querySelectorAll("li")].map((li) => li.textContent) : [];
}

/** Shows the estimator in the preview while the clinic edits what it shows. */
function showCostInPreview() {
  const tab = preview.shadowRoot?.querySelector('[role=tab][data-tab="cost"]');
  if (tab && tab.getAttribute("aria-selected") !== "true") tab.click();
}

// ---------------------------------------------------------------------------------------
// The colour the widget uses: a light brand colour is darkened on light pages (and a dark one
// lightened on dark pages) so text on it stays readable. Read from the widget's own styles.

let probe = null;
function usedColours() {
  const root = preview.shadowRoot;
  if (!root || !root.querySelector(".kg-app")) return null;
  if (!probe || !probe.isConnected) {
    probe = el("div", { hidden: true, "aria-hidden": "true", "data-kg-probe": "" },
      el("div", { class: "kg-app", "data-theme": "light" }, el("span", { class: "kg-button" }, "a")),
      el("div", { class: "kg-app", "data-theme": "dark" }, el("span", { class: "kg-button" }, "a")));
    root.append(probe);
  }
  const [light, dark] = [...probe.querySelectorAll(".kg-button")].map((b) => {
    const style = getComputedStyle(b);
    return { bg: toRgb(style.backgroundColor), ink: toRgb(style.color) };
  });
  return { light, dark };
}

const canvas = document.createElement("canvas");
canvas.width = canvas.height = 1;
const paint = canvas.getContext("2d", { willReadFrequently: true });
/** Any CSS colour (oklch, color(), rgb) as [r, g, b], painted to read it exactly. */
function toRgb(css) {
  paint.clearRect(0, 0, 1, 1);
  paint.fillStyle = "#000";
  paint.fillStyle = css;
  paint.fillRect(0, 0, 1, 1);
  return [...paint.getImageData(0, 0, 1, 1).data.slice(0, 3)];
}
const hex = (rgb) => `#${rgb.map((n) => n.toString(16).padStart(2, "0")).join("")}`;
function luminance(rgb) {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a, b) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};
const near = (a, b) => a.every((v, i) => Math.abs(v - b[i]) <= 2);

function showUsedColours() {
  const box = $("cf-accent-used");
  const chosen = form.elements.accent.value.trim().toLowerCase();
  const used = /^#[0-9a-f]{6}$/.test(chosen) ? usedColours() : null;
  if (!used) {
    box.replaceChildren();
    return;
  }
  const mine = toRgb(chosen);
  const line = (where, { bg, ink }, changed) =>
    el("p", { class: "cf-used-line" },
      el("span", { class: "cf-swatch", "data-colour": hex(bg) }),
      ` On a ${where} page: ${hex(bg)}`,
      changed,
      ` Text on it has a contrast of ${contrast(bg, ink).toFixed(1)} to 1.`);
  const lightChanged = near(used.light.bg, mine) ? " (your colour as it is)." : " (a darker shade of your colour, so white text on it stays readable).";
  const darkChanged = near(used.dark.bg, mine) ? " (your colour as it is)." : " (a lighter, softer shade, so dark text on it stays readable).";
  box.replaceChildren(
    el("p", {}, "The colour the guide uses:"),
    line("light", used.light, lightChanged),
    line("dark", used.dark, darkChanged));
  for (const swatch of box.querySelectorAll(".cf-swatch")) swatch.style.background = swatch.dataset.colour;
}

// ---------------------------------------------------------------------------------------
// One render: checks, preview, the code (or why it cannot be copied yet).

function render() {
  const s = readForm();
  const problems = validate(s);
  showErrors(problems);
  for (const block of form.querySelectorAll(".cf-price")) {
    const mode = checked(`${block.dataset.price}-mode`);
    block.querySelector(".cf-price-one").hidden = mode !== "one";
    block.querySelector(".cf-price-range").hidden = mode !== "range";
  }
  for (const block of $("cf-routes").children) {
    const offered = $(`cf-offer-${block.dataset.route}`).checked;
    block.querySelector(".cf-route-body").hidden = !offered;
    block.classList.toggle("cf-not-offered", !offered);
  }
  const currency = s.currency.trim().toUpperCase() || "USD";
  for (const label of form.querySelectorAll("[data-money-label]")) label.textContent = `${label.dataset.moneyLabel} (${currency})`;
  $("cf-hosting-self-field").hidden = s.hosting.mode !== "self";
  $("cf-hosting-cdn-field").hidden = s.hosting.mode !== "cdn";
  $("cf-hosting-cdn-hint").textContent = `The code then loads ${folder(s.hosting.cdn)}${release.name}@${release.version}/embed.js, once this version is published on npm.`;
  const weeks = s.boosterWeeks.trim();
  $("cf-booster-rate").textContent = !problems.boosterWeeks && weeks
    ? `The estimator counts this as about ${boostersPerMonth(Number(weeks))} boosters a month (a month has about 4.3 weeks).`
    : "";

  const attrs = attributes(s);
  updatePreview(s, attrs);
  showUsedColours();

  const list = Object.entries(problems);
  // The widget's own messages count only where the form found nothing: they then say what
  // the form could not know (its checks are the widget's, said earlier).
  const widgetSays = list.length ? [] : previewProblems();
  const box = $("cf-problems");
  const ready = list.length === 0 && widgetSays.length === 0;
  $("cf-snippet-box").hidden = !ready;
  $("cf-snippet").textContent = ready ? snippet(s, release) : "";
  const copy = $("cf-copy");
  copy.setAttribute("aria-disabled", String(!ready));
  if (ready) {
    box.replaceChildren();
  } else {
    const items = list.map(([key, text]) => {
      const link = el("a", { href: `#${fieldOf(key)?.id ?? "cf-form"}` }, nameOf(key));
      return el("li", {}, link, `: ${text}`);
    });
    for (const text of widgetSays) items.push(el("li", {}, `The preview says: ${text}`));
    box.replaceChildren(
      el("p", { class: "cf-problems-title" }, "The code is not ready to copy. Fix these first:"),
      el("ul", {}, ...items));
  }
}

// ---------------------------------------------------------------------------------------
// Events.

function keyOf(target) {
  if (target.name === "section") return "sections";
  if (target.name?.startsWith("offer-")) return "routes";
  const byId = Object.entries(FIELD).find(([, id]) => id === target.id);
  if (byId) return byId[0];
  return target.name || "";
}

form.addEventListener("input", (e) => {
  // The code shown is no longer the code copied.
  $("cf-copied").textContent = "";
  if (e.target.id === "cf-accent") form.elements.accent.value = e.target.value;
  if (e.target.id === "cf-accent-text" && /^#[0-9a-f]{6}$/i.test(e.target.value.trim())) $("cf-accent").value = e.target.value.trim().toLowerCase();
  if (e.target.type === "checkbox" || e.target.type === "radio" || e.target.tagName === "SELECT") touched.add(keyOf(e.target));
  if (e.target.closest("#cf-routes") || ["cf-currency", "cf-course", "cf-booster"].includes(e.target.id)) showCostInPreview();
  render();
});
form.addEventListener("change", (e) => {
  touched.add(keyOf(e.target));
  if (e.target.name?.endsWith("-mode")) {
    for (const part of ["one", "low", "typical", "high"]) touched.delete(`${e.target.name.replace(/-mode$/, "")}-${part}`);
  }
  render();
});
form.addEventListener("focusout", (e) => {
  if (e.target.matches("input:not([type=radio]):not([type=checkbox])") && e.target.value !== "") touched.add(keyOf(e.target));
  render();
});
form.addEventListener("submit", (e) => e.preventDefault());

$("cf-routes").addEventListener("click", (e) => {
  const button = e.target.closest("[data-move]");
  if (!button) return;
  const block = button.closest(".cf-route");
  const sibling = button.dataset.move === "up" ? block.previousElementSibling : block.nextElementSibling;
  if (!sibling) return;
  if (button.dataset.move === "up") sibling.before(block);
  else sibling.after(block);
  button.focus();
  showCostInPreview();
  render();
});

$("cf-copy").addEventListener("click", async () => {
  const status = $("cf-copied");
  if ($("cf-copy").getAttribute("aria-disabled") === "true") {
    showAll = true;
    render();
    status.textContent = "Not copied: fix the settings listed above first.";
    $("cf-problems").querySelector("a")?.focus();
    return;
  }
  const text = $("cf-snippet").textContent;
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = "Copied. Now paste it into your page (see below).";
  } catch {
    const range = document.createRange();
    range.selectNodeContents($("cf-snippet"));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    status.textContent = "Selected: press Ctrl+C (or ⌘C on a Mac) to copy it.";
  }
});

$("cf-paste-fill").addEventListener("click", () => {
  const result = $("cf-paste-result");
  const text = $("cf-paste").value;
  const parsed = fromSnippet(text, (t) => new DOMParser().parseFromString(t, "text/html"), readForm(), release);
  if (parsed.error) {
    result.replaceChildren(el("p", { class: "cf-error-text" }, parsed.error));
    return;
  }
  writeForm(parsed.settings);
  showAll = true;
  render();
  const lines = [el("p", {}, "The form now shows the settings of your code. Change what you need, then copy the new code.")];
  if (parsed.problems.length) {
    lines.push(el("p", {}, "Some of it could not be used:"), el("ul", {}, ...parsed.problems.map((p) => el("li", {}, p))));
  }
  result.replaceChildren(...lines);
});

$("cf-check").addEventListener("click", async () => {
  const result = $("cf-check-result");
  const s = readForm();
  const problems = validate(s);
  const key = s.hosting.mode === "cdn" ? "hostingCdn" : "hostingSelf";
  if (problems[key]) {
    touched.add(key);
    render();
    result.replaceChildren(el("p", {}, `First fix the address: ${problems[key]}`));
    return;
  }
  const where = embedUrl(s, release).replace(/embed\.js$/, "");
  result.replaceChildren(el("p", {}, `Checking ${where} …`));
  const results = await checkHosting(where, release);
  const bad = results.filter((r) => r.problem);
  if (bad.length === 0) {
    result.replaceChildren(el("p", { "data-check": "ok" }, `All good: every file loads from ${where} the way your visitors' browsers will load it.`));
    return;
  }
  // One line per kind of problem is enough when every file has it (a missing header, say).
  const seen = new Set();
  const lines = [];
  for (const r of bad) {
    const kind = r.problem === "not-found" || r.problem === "changed" ? `${r.problem}:${r.file}` : r.problem;
    if (seen.has(kind)) continue;
    seen.add(kind);
    lines.push(el("li", { "data-problem": r.problem }, explain(r, release)));
  }
  result.replaceChildren(el("p", { "data-check": "problems" }, `What to fix at ${where}:`), el("ul", {}, ...lines));
});

// ---------------------------------------------------------------------------------------
// Start: a fresh form, then the preview's own reports (its messages, its version, the colour
// it uses) as they come.

function watchPreview() {
  preview.addEventListener("ketamine-guide-ready", () => {
    const version = preview.getAttribute("data-version");
    if (version) $("cf-version").textContent = version;
    // The widget's own messages arrive a moment after it is ready (a price book is checked by
    // the estimator's code): render again as they do.
    const root = preview.shadowRoot;
    let queued = false;
    const later = () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        render();
      });
    };
    if (root) new MutationObserver(later).observe(root, { childList: true, subtree: true });
    render();
  });
}

$("cf-version").textContent = release.version || "unknown";
writeForm(defaults(new URL("../", location.href).href));
watchPreview();
render();
