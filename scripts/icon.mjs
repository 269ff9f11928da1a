// Writes resources/icon.svg and resources/icon.png (512x512) from one list of shapes, so the
// two never drift apart. No image tools are needed: rounded rectangles are rasterised here
// with 4x4 supersampling and the PNG is encoded with zlib.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const SIZE = 512;
const BG = { x: 32, y: 32, w: 448, h: 448, r: 96 };
const FROM = [59, 91, 219]; // indigo, top left
const TO = [12, 166, 120]; // teal, bottom right
// A planning board: week columns and allocation bars; the amber bar is a flagged one.
const lines = [144, 224, 304, 384].map((x) => ({ x, y: 88, w: 3, h: 336, r: 0, color: [255, 255, 255], alpha: 0.22 }));
const bars = [
  { x: 88, y: 116, w: 216, h: 48, r: 24, color: [255, 255, 255], alpha: 1 },
  { x: 168, y: 196, w: 256, h: 48, r: 24, color: [255, 255, 255], alpha: 1 },
  { x: 88, y: 276, w: 136, h: 48, r: 24, color: [255, 255, 255], alpha: 0.85 },
  { x: 248, y: 356, w: 176, h: 48, r: 24, color: [255, 212, 59], alpha: 1 },
];
const shapes = [...lines, ...bars];

const hex = (c) => '#' + c.map((v) => v.toString(16).padStart(2, '0')).join('');

function svg() {
  const rect = (s, fill, extra = '') => `  <rect x="${s.x}" y="${s.y}" width="${s.w}" height="${s.h}" rx="${s.r}" fill="${fill}"${extra}/>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}">`,
    '  <defs>',
    `    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${hex(FROM)}"/><stop offset="1" stop-color="${hex(TO)}"/></linearGradient>`,
    '  </defs>',
    rect(BG, 'url(#bg)'),
    ...shapes.map((s) => rect(s, hex(s.color), s.alpha < 1 ? ` fill-opacity="${s.alpha}"` : '')),
    '</svg>',
    '',
  ].join('\n');
}

function inside(s, px, py) {
  const hx = s.w / 2,
    hy = s.h / 2;
  const qx = Math.abs(px - (s.x + hx)) - (hx - s.r);
  const qy = Math.abs(py - (s.y + hy)) - (hy - s.r);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - s.r <= 0;
}

function png() {
  const N = 4;
  const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
  for (let y = 0; y < SIZE; y++) {
    const row = y * (SIZE * 4 + 1);
    raw[row] = 0;
    for (let x = 0; x < SIZE; x++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < N; sy++) {
        for (let sx = 0; sx < N; sx++) {
          const px = x + (sx + 0.5) / N,
            py = y + (sy + 0.5) / N;
          if (!inside(BG, px, py)) continue;
          const t = Math.min(1, Math.max(0, (px - BG.x + py - BG.y) / (BG.w + BG.h)));
          let c = FROM.map((f, i) => f + (TO[i] - f) * t);
          for (const s of shapes) {
            if (inside(s, px, py)) c = c.map((v, i) => v + (s.color[i] - v) * s.alpha);
          }
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const o = row + 1 + x * 4;
      // Colour is averaged over covered samples only (straight alpha), so edges do not darken.
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round((a / (N * N)) * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const out = path.resolve(import.meta.dirname, '..', 'resources');
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'icon.svg'), svg());
fs.writeFileSync(path.join(out, 'icon.png'), png());
console.log(`Wrote ${path.join(out, 'icon.svg')} and icon.png (${SIZE}x${SIZE}).`);
