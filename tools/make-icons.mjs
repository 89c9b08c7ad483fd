// Draws the app icons (PNG, and an SVG favicon) without any image library: a calm blue tile with a white ring and
// dot. Run once when the design changes: `node tools/make-icons.mjs`; the PNGs are committed.
import { deflateSync } from "node:zlib";
import { writeFileSync } from "node:fs";

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function icon(size, { maskable }) {
  const rows = [];
  const c = (size - 1) / 2;
  const radius = maskable ? 0 : size * 0.18; // rounded tile unless maskable (full bleed)
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      // Coverage of the rounded tile, antialiased by distance.
      const dx = Math.max(radius - x, 0, x - (size - 1 - radius));
      const dy = Math.max(radius - y, 0, y - (size - 1 - radius));
      const corner = radius > 0 ? Math.min(1, Math.max(0, radius + 0.5 - Math.hypot(dx, dy))) : 1;
      const d = Math.hypot(x - c, y - c) / size;
      // Symbol inside the maskable safe zone (radius 0.4): ring 0.24–0.31, dot < 0.09.
      const ring = Math.min(1, Math.max(0, Math.min((d - 0.24) * size, (0.31 - d) * size) + 0.5));
      const dot = Math.min(1, Math.max(0, (0.09 - d) * size + 0.5));
      const white = Math.max(ring, dot);
      const [br, bg, bb] = [0x1d, 0x5f, 0xa8];
      const o = 1 + x * 4;
      row[o] = Math.round(br + (255 - br) * white);
      row[o + 1] = Math.round(bg + (255 - bg) * white);
      row[o + 2] = Math.round(bb + (255 - bb) * white);
      row[o + 3] = Math.round(255 * corner);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const out = new URL("../pwa/icons/", import.meta.url);
writeFileSync(new URL("icon-192.png", out), icon(192, { maskable: false }));
writeFileSync(new URL("icon-512.png", out), icon(512, { maskable: false }));
writeFileSync(new URL("maskable-512.png", out), icon(512, { maskable: true }));
writeFileSync(new URL("apple-touch-icon.png", out), icon(180, { maskable: true }));
// The page's favicon: the same tile as a few hundred bytes of SVG (the PNGs serve the manifest).
writeFileSync(
  new URL("icon.svg", out),
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">' +
    '<rect width="100" height="100" rx="18" fill="#1d5fa8"/>' +
    '<circle cx="50" cy="50" r="27.5" fill="none" stroke="#fff" stroke-width="7"/>' +
    '<circle cx="50" cy="50" r="9" fill="#fff"/></svg>\n',
);
console.log("icons written to pwa/icons/");
