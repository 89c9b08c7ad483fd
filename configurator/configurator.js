// Clinic configurator: mirrors the form into a live <ketamine-guide> preview and a snippet.
(() => {
  const form = document.getElementById("cf-form");
  const preview = document.getElementById("cf-preview");
  const snippet = document.getElementById("cf-snippet");
  const embedUrl = new URL("../embed.js", location.href).href;
  // This page loads embed.js with the release's integrity value (written by the build): the
  // snippet carries the same, so a clinic's page refuses an embed.js whose bytes differ.
  const embedIntegrity = document.querySelector('script[src="../embed.js"]')?.integrity || "";
  const integrityAttrs = embedIntegrity ? ` integrity="${embedIntegrity}" crossorigin="anonymous"` : "";
  const escape = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

  function attributes() {
    const data = new FormData(form);
    const attrs = [];
    const sections = data.getAll("section");
    if (sections.length && sections.length < 3) attrs.push(["sections", sections.join(" ")]);
    for (const name of ["start", "lang", "cta-href", "cta-label"]) {
      const v = String(data.get(name) || "").trim();
      if (v) attrs.push([name, v]);
    }
    const currency = String(data.get("currency") || "").trim().toUpperCase();
    if (currency && currency !== "USD") attrs.push(["currency", currency]);
    const prices = String(data.get("prices") || "").trim();
    if (prices) attrs.push(["prices", prices]);
    if (data.get("persist") === "none") attrs.push(["persist", "none"]);
    return attrs;
  }

  function render() {
    const attrs = attributes();
    const accent = new FormData(form).get("accent");
    for (const name of ["sections", "start", "lang", "currency", "prices", "cta-href", "cta-label", "persist"]) {
      const found = attrs.find(([k]) => k === name);
      if (found) preview.setAttribute(name, found[1]);
      else preview.removeAttribute(name);
    }
    // Only a changed colour themes the preview, exactly as only a changed one enters the snippet.
    if (accent.toLowerCase() === "#1d5fa8") preview.style.removeProperty("--kg-accent");
    else preview.style.setProperty("--kg-accent", accent);
    const attrText = attrs.map(([k, v]) => ` ${k}="${escape(v)}"`).join("");
    const style = accent.toLowerCase() === "#1d5fa8" ? "" : `\n<style>ketamine-guide { --kg-accent: ${accent}; }</style>`;
    snippet.textContent = `<script src="${embedUrl}"${integrityAttrs} defer></script>${style}\n<ketamine-guide${attrText}></ketamine-guide>`;
  }

  form.addEventListener("input", render);
  form.addEventListener("change", render);
  document.getElementById("cf-copy").addEventListener("click", async () => {
    const status = document.getElementById("cf-copied");
    try {
      await navigator.clipboard.writeText(snippet.textContent);
      status.textContent = "Copied.";
    } catch {
      const range = document.createRange();
      range.selectNodeContents(snippet);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      status.textContent = "Selected: press Ctrl+C (or ⌘C) to copy.";
    }
  });
  render();
})();
