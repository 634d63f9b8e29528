// npm run icons — draws the app's home-screen icons (PNG, no image library needed) into public/icons.
// A teal tile with a white foam roller and the curve of an upper back resting on it; the maskable
// version keeps the drawing inside the middle 80 % that launchers never crop.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TEAL = [0x1f, 0x6f, 0x66];
const WHITE = [0xff, 0xff, 0xff];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Whether a point of the unit square is in the white drawing: a foam roller under a column of vertebrae. */
function drawing(x: number, y: number, inset: number): boolean {
  // Map into the safe area.
  const u = (x - inset) / (1 - 2 * inset);
  const v = (y - inset) / (1 - 2 * inset);
  // The roller, seen from the side: a capsule across the bottom.
  const cx = Math.min(Math.max(u, 0.28), 0.72);
  const roller = Math.hypot(u - cx, v - 0.8) < 0.11;
  // Four vertebrae, rounded blocks stacked above it, each a little wider going down.
  let spine = false;
  for (let i = 0; i < 4; i++) {
    const top = 0.1 + i * 0.15;
    const half = 0.1 + i * 0.015;
    const dx = Math.max(Math.abs(u - 0.5) - (half - 0.035), 0);
    const dy = Math.max(Math.abs(v - (top + 0.055)) - 0.02, 0);
    if (Math.hypot(dx, dy) < 0.035) spine = true;
  }
  return roller || spine;
}

function png(size: number, inset: number, rounded: boolean): Buffer {
  const rows: Buffer[] = [];
  const radius = rounded ? 0.18 : 0;
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px++) {
      let white = 0;
      let inside = 0;
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const x = (px + (sx + 0.5) / 4) / size;
          const y = (py + (sy + 0.5) / 4) / size;
          const dx = Math.max(radius - x, x - (1 - radius), 0);
          const dy = Math.max(radius - y, y - (1 - radius), 0);
          if (radius === 0 || Math.hypot(dx, dy) <= radius) {
            inside++;
            if (drawing(x, y, inset)) white++;
          }
        }
      const a = inside / 16;
      const w = inside ? white / inside : 0;
      const o = 1 + px * 4;
      for (let i = 0; i < 3; i++) row[o + i] = Math.round(TEAL[i]! * (1 - w) + WHITE[i]! * w);
      row[o + 3] = Math.round(a * 255);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(6, 9); // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = path.join(process.cwd(), 'public', 'icons');
fs.mkdirSync(out, { recursive: true });
const icons: [string, number, number, boolean][] = [
  ['icon-192.png', 192, 0.08, true],
  ['icon-512.png', 512, 0.08, true],
  ['maskable-512.png', 512, 0.16, false],
  ['apple-touch-icon.png', 180, 0.1, false],
];
for (const [name, size, inset, rounded] of icons) {
  fs.writeFileSync(path.join(out, name), png(size, inset, rounded));
  console.log(`public/icons/${name}`);
}
