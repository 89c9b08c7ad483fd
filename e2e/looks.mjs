// Measures what a person sees, where reading the accessibility tree cannot: the contrast of an
// element's text against what is really behind it, and whether a box is inside the viewport.
// Not a test file itself.

/**
 * In the page: the WCAG contrast ratio of `el`'s text colour against its background, as painted.
 * Colours go through a 1×1 canvas, so any CSS colour (oklch(), color-mix(), light-dark()
 * already resolved by getComputedStyle) becomes sRGB as the browser paints it. A transparent
 * background is looked for in the ancestors, crossing shadow roots to their host, and composited
 * over white at the top.
 */
function contrastInPage(el) {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  const rgba = (css) => {
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = "#000";
    ctx.fillStyle = css;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  };
  const over = (top, under) => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + under[i] * (1 - a)).concat(1);
  };
  const parent = (n) => n.parentElement ?? (n.getRootNode() instanceof ShadowRoot ? n.getRootNode().host : null);
  const layers = [];
  for (let n = el; n; n = parent(n)) {
    const bg = rgba(getComputedStyle(n).backgroundColor);
    if (bg[3] > 0) layers.push(bg);
    if (bg[3] >= 1) break;
  }
  let back = [255, 255, 255, 1];
  for (const layer of layers.reverse()) back = over(layer, back);
  const fore = over(rgba(getComputedStyle(el).color), back);
  const lum = ([r, g, b]) => {
    const c = [r, g, b].map((v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const [hi, lo] = [lum(fore), lum(back)].sort((a, b) => b - a);
  return {
    ratio: (hi + 0.05) / (lo + 0.05),
    color: getComputedStyle(el).color,
    background: `rgb(${back.slice(0, 3).map(Math.round).join(", ")})`,
  };
}

/** The contrast of one element (a Playwright locator) as painted: `{ ratio, color, background }`. */
export const contrast = (locator) => locator.evaluate(contrastInPage);

/**
 * Every visible button, link, summary and tab inside `root` (a locator; open shadow roots are
 * pierced) with its contrast, for a sweep over all of them in one state.
 */
export async function controlContrasts(root) {
  const controls = root.locator(".kg-app :is(a[href], button, summary, [role=tab])");
  const out = [];
  for (const c of await controls.all()) {
    if (!(await c.isVisible()) || (await c.isDisabled().catch(() => false))) continue;
    const { ratio, color, background } = await contrast(c);
    const name = (await c.innerText()).trim().replace(/\s+/g, " ").slice(0, 40);
    out.push({ name, ratio, color, background });
  }
  return out;
}

/** The box of a locator relative to the viewport, and whether it is wholly inside it (to the
 * pixel: layout puts boxes on fractions of one). */
export async function inViewport(page, locator) {
  const box = await locator.boundingBox();
  const { width, height } = page.viewportSize();
  return {
    box,
    inside: !!box && box.y >= -1 && box.x >= -1 && box.y + box.height <= height + 1 && box.x + box.width <= width + 1,
  };
}
