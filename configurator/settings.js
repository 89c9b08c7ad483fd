// The configurator's settings as plain data: what the form holds, the widget attributes and
// snippet they make, the checks each setting gets, and the way back from a pasted snippet.
// No DOM here but the parser handed to `fromSnippet`, so the rules read in one place. The
// widget checks its attributes again itself (src/embed_config.rs); these checks say the same
// things earlier, at the field.

/** The treatments, in the widget's own order, with the words the form uses. */
export const ROUTES = [
  { id: "iv", name: "IV infusion", unit: "per session" },
  { id: "im", name: "IM injection", unit: "per session" },
  { id: "esketamine", name: "Esketamine nasal spray (Spravato)", unit: "per treatment" },
  { id: "oral", name: "Tablets or lozenges at home", unit: "per treatment" },
];
export const SECTIONS = ["quiz", "myths", "cost"];
export const DEFAULT_ACCENT = "#1d5fa8";
/** The widget's limits (src/cost/price_book.rs, src/embed_config.rs). */
export const MAX_PRICE = 100000;
export const MAX_COURSE = 100;
export const MAX_BOOSTER_WEEKS = 52;

/** An empty price: the widget's typical US prices. */
export const typicalPrice = () => ({ mode: "typical", one: "", low: "", typical: "", high: "" });

/** The settings of a fresh form: everything as the widget is without attributes. */
export function defaults(hostingBase) {
  return {
    sections: [...SECTIONS],
    start: "",
    lang: "",
    currency: "USD",
    accent: DEFAULT_ACCENT,
    theme: "auto",
    header: "show",
    ctaHref: "",
    ctaLabel: "",
    persist: "session",
    courseSessions: "",
    boosterWeeks: "",
    routes: ROUTES.map((r) => ({
      id: r.id,
      offered: true,
      price: typicalPrice(),
      ...(r.id === "esketamine" ? { devices: "2", observation: typicalPrice() } : {}),
    })),
    hosting: { mode: "self", self: hostingBase, cdn: "https://cdn.jsdelivr.net/npm/" },
  };
}

/** An amount as typed ("$1,200.50", "450") as a number, or null when it is not one. */
export function amount(text) {
  const t = String(text).trim().replace(/^\$/, "").replace(/,/g, "").trim();
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  return Number(t);
}

/** What is wrong with one typed amount, or "". */
function amountProblem(text) {
  const t = String(text).trim();
  if (t === "") return "Enter an amount, for example 450.";
  if (/^-/.test(t)) return "An amount cannot be below zero.";
  if (/\.\d{3,}$/.test(t.replace(/,/g, ""))) return "Use no more than 2 digits after the decimal point.";
  const n = amount(t);
  if (n === null) return "Enter a number, for example 450 or 450.50.";
  if (n > MAX_PRICE) return "Enter an amount no larger than 100,000.";
  return "";
}

/**
 * The problems with one price (a route's, or esketamine's device price or observation fee),
 * by the key of its field: `<key>-one`, `<key>-low`, `<key>-typical`, `<key>-high`.
 */
function priceProblems(price, key, out) {
  if (price.mode === "one") {
    const p = amountProblem(price.one);
    if (p) out[`${key}-one`] = p;
    return;
  }
  if (price.mode !== "range") return;
  for (const level of ["low", "high"]) {
    const p = amountProblem(price[level]);
    if (p) out[`${key}-${level}`] = p;
  }
  if (String(price.typical).trim() !== "") {
    const p = amountProblem(price.typical);
    if (p) out[`${key}-typical`] = p;
  }
  const [low, typical, high] = ["low", "typical", "high"].map((l) => amount(price[l]));
  if (low !== null && high !== null && low > high) out[`${key}-high`] = "The highest price must not be below the lowest.";
  else if (typical !== null && ((low !== null && typical < low) || (high !== null && typical > high))) {
    out[`${key}-typical`] = "The typical price must be between the lowest and the highest.";
  }
}

const wholeIn = (text, max) => /^\d{1,3}$/.test(String(text).trim()) && Number(text) >= 1 && Number(text) <= max;

/** A folder address the snippet can load files from, or why not. */
export function folderProblem(text) {
  let url;
  try {
    url = new URL(String(text).trim());
  } catch {
    return "Enter the full address, starting with https://.";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "Enter the full address, starting with https://.";
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (url.protocol === "http:" && !local) return "Use the https:// address: browsers refuse files from http:// on a secure page.";
  if (url.search || url.hash) return "Enter the folder's address only, without ? or #.";
  return "";
}

/** A folder address as the snippet uses it: ends with "/", without a file name. */
export function folder(text) {
  let t = String(text).trim().replace(/embed\.js$/, "");
  if (!t.endsWith("/")) t += "/";
  return t;
}

/** Known currency codes, where the browser can list them. */
const currencies = (() => {
  try {
    return new Set(Intl.supportedValuesOf("currency"));
  } catch {
    return null;
  }
})();

/**
 * Every problem, by field key (the element ids carry the same keys; see configurator.js).
 * A snippet with any of these cannot be copied.
 */
export function validate(s) {
  const out = {};
  if (s.sections.length === 0) out.sections = "Choose at least one tool.";
  if (s.start && !s.sections.includes(s.start)) out.start = "This tool is not among the tools shown. Choose one of them, or the first tool shown.";
  const currency = s.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency) || (currencies && !currencies.has(currency))) {
    out.currency = "Enter a three-letter currency code, such as USD, CAD or EUR.";
  }
  const offered = s.routes.filter((r) => r.offered);
  if (offered.length === 0) out.routes = "Choose at least one treatment you offer.";
  for (const r of offered) {
    if (r.id === "esketamine") {
      priceProblems(r.price, `price-${r.id}`, out);
      priceProblems(r.observation, "price-observation", out);
    } else {
      priceProblems(r.price, `price-${r.id}`, out);
    }
  }
  // Typical prices are US prices in US dollars: another currency needs the clinic's own.
  if (!out.currency && currency !== "USD") {
    const typical = offered.filter((r) => r.price.mode === "typical" || (r.observation && r.observation.mode === "typical"));
    if (typical.length) {
      out.currency = `With prices in ${currency}, give your own price for every treatment you offer: the typical prices are US prices in US dollars.`;
    }
  }
  if (String(s.courseSessions).trim() !== "" && !wholeIn(s.courseSessions, MAX_COURSE)) {
    out.courseSessions = "Enter a whole number of sessions from 1 to 100, or leave it empty.";
  }
  if (String(s.boosterWeeks).trim() !== "" && !wholeIn(s.boosterWeeks, MAX_BOOSTER_WEEKS)) {
    out.boosterWeeks = "Enter a whole number of weeks from 1 to 52, or leave it empty.";
  }
  const href = s.ctaHref.trim();
  const label = s.ctaLabel.trim();
  if (href && !/^https:\/\/[^\s/]+\.[^\s]+$/i.test(href)) out.ctaHref = "Enter the full address of your booking page, starting with https://.";
  if (href && !label) out.ctaLabel = "Write the words of the link, for example “Book a consultation”.";
  if (label && !href) out.ctaHref = "Enter the address the link goes to, or leave both empty.";
  if (!/^#[0-9a-f]{6}$/i.test(s.accent.trim())) out.accent = "Enter a colour as # and six digits or letters a–f, for example #1d5fa8.";
  const base = s.hosting.mode === "cdn" ? s.hosting.cdn : s.hosting.self;
  const where = folderProblem(base);
  if (where) out[s.hosting.mode === "cdn" ? "hostingCdn" : "hostingSelf"] = where;
  return out;
}

/** A price as the price book writes it: a bare amount, or low / typical / high. */
function priceValue(p) {
  if (p.mode === "one") return amount(p.one);
  if (p.mode !== "range") return undefined;
  const value = { low: amount(p.low) };
  if (String(p.typical).trim() !== "") value.typical = amount(p.typical);
  value.high = amount(p.high);
  return value;
}

/** The price book JSON of the treatments offered with their own prices, or "" for none. */
export function pricesJson(s) {
  const book = {};
  for (const r of s.routes.filter((r) => r.offered)) {
    if (r.id === "esketamine") {
      const e = {};
      if (r.price.mode !== "typical") e.device = priceValue(r.price);
      if (r.devices === "3") e.devices_per_dose = 3;
      if (r.observation.mode !== "typical") e.observation = priceValue(r.observation);
      if (Object.keys(e).length) book.esketamine = e;
    } else if (r.price.mode !== "typical") {
      book[r.id] = priceValue(r.price);
    }
  }
  return Object.keys(book).length ? JSON.stringify(book) : "";
}

/** The widget attributes for these settings, in a fixed order; defaults are left out. */
export function attributes(s) {
  const attrs = [];
  const put = (name, value) => value && attrs.push([name, value]);
  if (s.sections.length && s.sections.length < SECTIONS.length) put("sections", s.sections.join(" "));
  put("start", s.start);
  put("lang", s.lang);
  const offered = s.routes.filter((r) => r.offered).map((r) => r.id);
  // The treatments in the clinic's order; all four in the widget's own order need no attribute.
  if (offered.length && offered.join(" ") !== ROUTES.map((r) => r.id).join(" ")) put("routes", offered.join(" "));
  const currency = s.currency.trim().toUpperCase();
  if (currency !== "USD") put("currency", currency);
  put("prices", pricesJson(s));
  put("course-sessions", String(s.courseSessions).trim());
  put("booster-weeks", String(s.boosterWeeks).trim());
  put("cta-href", s.ctaHref.trim());
  put("cta-label", s.ctaLabel.trim());
  if (s.persist === "none") put("persist", "none");
  if (s.theme !== "auto") put("theme", s.theme);
  if (s.header === "hide") put("header", "hide");
  return attrs;
}

/** One attribute as HTML: a JSON value in single quotes, so it reads as the README shows it. */
function attribute(name, value) {
  const text = value.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  if (text.includes('"') && !text.includes("'")) return ` ${name}='${text}'`;
  return ` ${name}="${text.replace(/"/g, "&quot;")}"`;
}

/** Where embed.js is for these settings: the clinic's folder, or the CDN's `<name>@<version>/`. */
export function embedUrl(s, release) {
  if (s.hosting.mode === "cdn") return `${folder(s.hosting.cdn)}${release.name}@${release.version}/embed.js`;
  return `${folder(s.hosting.self)}embed.js`;
}

/** The snippet: the script with its integrity value, the colour if changed, the element. */
export function snippet(s, release) {
  const integrity = release.integrity ? ` integrity="${release.integrity}" crossorigin="anonymous"` : "";
  const accent = s.accent.trim().toLowerCase();
  const style = accent === DEFAULT_ACCENT ? "" : `\n<style>ketamine-guide { --kg-accent: ${accent}; }</style>`;
  const attrs = attributes(s).map(([k, v]) => attribute(k, v)).join("");
  return `<script src="${embedUrl(s, release)}"${integrity} defer></script>${style}\n<ketamine-guide${attrs}></ketamine-guide>`;
}

/** One clinic price from the price book (a bare amount or an object), as the form holds it. */
function priceFrom(value, problems, what) {
  const text = (v) => (v === undefined || v === null ? "" : String(v).replace(/^\$/, ""));
  if (typeof value === "number" || typeof value === "string") return { ...typicalPrice(), mode: "one", one: text(value) };
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const extra = Object.keys(value).filter((k) => !["low", "typical", "high"].includes(k));
    if (extra.length) problems.push(`The price of ${what} has parts this form does not know (${extra.join(", ")}).`);
    return { ...typicalPrice(), mode: "range", low: text(value.low), typical: text(value.typical), high: text(value.high) };
  }
  problems.push(`The price of ${what} could not be read.`);
  return typicalPrice();
}

/** The form's treatments and prices from the widget's `routes` and `prices` attributes. */
function routesFrom(routesAttr, pricesAttr, problems) {
  const base = defaults("").routes;
  let order = ROUTES.map((r) => r.id);
  if (routesAttr !== null) {
    const listed = routesAttr.toLowerCase().split(/\s+/).filter(Boolean);
    const unknown = listed.filter((id) => !order.includes(id));
    if (unknown.length) problems.push(`The treatments “${unknown.join(" ")}” are not ones the guide knows; they were left out.`);
    const known = [...new Set(listed.filter((id) => order.includes(id)))];
    if (known.length) order = [...known, ...order.filter((id) => !known.includes(id))];
    for (const r of base) r.offered = known.length === 0 || known.includes(r.id);
  }
  const byId = Object.fromEntries(base.map((r) => [r.id, r]));
  if (pricesAttr) {
    let book = null;
    try {
      book = JSON.parse(pricesAttr);
    } catch {
      problems.push("The prices in your code are not written correctly, so the form shows typical prices. Enter your prices again below.");
    }
    if (book && typeof book === "object" && !Array.isArray(book)) {
      for (const [key, value] of Object.entries(book)) {
        const r = byId[key];
        const name = ROUTES.find((x) => x.id === key)?.name;
        if (!r) {
          problems.push(`The prices name “${key}”, which is not a treatment the guide knows; it was left out.`);
        } else if (key !== "esketamine") {
          r.price = priceFrom(value, problems, name);
        } else if (value && typeof value === "object" && !Array.isArray(value)) {
          for (const [part, v] of Object.entries(value)) {
            if (part === "device") r.price = priceFrom(v, problems, `one esketamine device`);
            else if (part === "observation") r.observation = priceFrom(v, problems, `the esketamine observation fee`);
            else if (part === "devices_per_dose" && (v === 2 || v === 3 || v === "2" || v === "3")) r.devices = String(v);
            else problems.push(`The esketamine prices have a part this form does not know (${part}).`);
          }
        } else {
          problems.push("The esketamine prices could not be read.");
        }
      }
    } else if (book !== null) {
      problems.push("The prices in your code are not a list of treatments, so the form shows typical prices.");
    }
  }
  return order.map((id) => byId[id]);
}

/**
 * The settings of a pasted snippet: `{ settings, problems }`, or `{ error }` when it holds no
 * <ketamine-guide> element. `parse` turns HTML text into a document (DOMParser in the page;
 * nothing in it runs). Settings the snippet does not give keep `current`'s hosting.
 */
export function fromSnippet(text, parse, current, release) {
  const doc = parse(text);
  const element = doc.querySelector("ketamine-guide");
  if (!element) return { error: "This code has no <ketamine-guide> element. Paste the whole code you copied from this page." };
  const problems = [];
  const get = (name) => element.getAttribute(name);
  const s = defaults(current.hosting.self);
  s.hosting = { ...current.hosting };
  const sections = (get("sections") || "").toLowerCase().split(/\s+/).filter((w) => SECTIONS.includes(w));
  if (sections.length) s.sections = [...new Set(sections)];
  s.start = (get("start") || "").trim().toLowerCase();
  s.lang = ["en", "es"].includes((get("lang") || "").trim().toLowerCase()) ? get("lang").trim().toLowerCase() : "";
  if (get("lang") && !s.lang) problems.push(`The language “${get("lang")}” is not one the guide has; the form uses the visitor's language.`);
  s.currency = (get("currency") || "USD").trim().toUpperCase();
  s.routes = routesFrom(get("routes"), get("prices"), problems);
  s.courseSessions = (get("course-sessions") || "").trim();
  s.boosterWeeks = (get("booster-weeks") || "").trim();
  s.ctaHref = get("cta-href") || "";
  s.ctaLabel = get("cta-label") || "";
  s.persist = (get("persist") || "").trim().toLowerCase() === "none" ? "none" : "session";
  s.theme = ["light", "dark"].includes((get("theme") || "").trim().toLowerCase()) ? get("theme").trim().toLowerCase() : "auto";
  s.header = (get("header") || "").trim().toLowerCase() === "hide" ? "hide" : "show";
  const style = [...doc.querySelectorAll("style")].map((el) => el.textContent).join("\n");
  const accent = style.match(/--kg-accent\s*:\s*(#[0-9a-f]{6}|#[0-9a-f]{3})\b/i);
  if (accent) {
    const hex = accent[1].toLowerCase();
    s.accent = hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join("")}` : hex;
  }
  const src = doc.querySelector("script[src]")?.getAttribute("src");
  if (src) {
    // A CDN copy of the npm package: …/<name>@<version>/embed.js.
    const cdn = src.match(new RegExp(`^(.*/)${release.name.replace(/[-]/g, "\\-")}@([^/]+)/embed\\.js$`));
    if (cdn) {
      s.hosting.mode = "cdn";
      s.hosting.cdn = cdn[1];
      if (cdn[2] !== release.version) {
        problems.push(`Your code loads version ${cdn[2]}. The code below loads version ${release.version}: replace all of it on your page.`);
      }
    } else if (/embed\.js$/.test(src)) {
      s.hosting.mode = "self";
      s.hosting.self = src.replace(/embed\.js$/, "");
    }
    const integrity = doc.querySelector("script[src]").getAttribute("integrity");
    if (integrity && release.integrity && integrity !== release.integrity) {
      problems.push("Your code was made for another version of the guide's files. Replace all of it with the code below, and upload this version's files if you host them yourself.");
    }
  }
  return { settings: s, problems };
}

/**
 * Boosters a month for one booster every `weeks` weeks, as the estimator counts them: a month
 * is 52 ÷ 12 weeks, rounded to a tenth, never below 0.1 (src/cost/plan.rs,
 * BoosterRate::every_weeks).
 */
export function boostersPerMonth(weeks) {
  const w = Math.max(1, Math.floor(weeks));
  const tenths = Math.max(1, Math.floor((1040 + 12 * w) / (24 * w)));
  return tenths / 10;
}
