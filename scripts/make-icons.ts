// Draws Gloss's icon (a quotation mark over a highlighter stroke) as PNGs in public/icon/.
// Run: npx tsx scripts/make-icons.ts. No image library: shapes are rasterised with 4x4 supersampling.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
const crc32 = (buf: Buffer): number => {
  let c = -1;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
};
const chunk = (type: string, data: Buffer): Buffer => {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
};
const png = (size: number, rgba: Buffer): Buffer => {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

// Shapes in a unit square; later ones paint over earlier ones.
const inRoundedSquare = (x: number, y: number, r = 0.2): boolean => {
  const dx = Math.max(Math.abs(x - 0.5) - (0.5 - r), 0);
  const dy = Math.max(Math.abs(y - 0.5) - (0.5 - r), 0);
  return dx * dx + dy * dy <= r * r;
};
const inDisc = (x: number, y: number, cx: number, cy: number, r: number): boolean =>
  (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const inTail = (x: number, y: number, cx: number, cy: number): boolean =>
  x >= cx - 0.02 && x <= cx + 0.1 && y >= cy && y <= cy + 0.2 && x - cx + 0.02 >= (y - cy) * 0.2;
type Layer = [[number, number, number], (x: number, y: number) => boolean];
const layers: Layer[] = [
  [[29, 53, 122], (x, y) => inRoundedSquare(x, y)],
  [[255, 212, 59], (x, y) => y >= 0.62 && y <= 0.8 && x >= 0.16 && x <= 0.84],
  [[255, 255, 255], (x, y) => inDisc(x, y, 0.36, 0.4, 0.11) || inTail(x, y, 0.36, 0.4)],
  [[255, 255, 255], (x, y) => inDisc(x, y, 0.64, 0.4, 0.11) || inTail(x, y, 0.64, 0.4)],
];

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 96, 128]) {
  const rgba = Buffer.alloc(size * size * 4);
  const S = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const x = (px + (sx + 0.5) / S) / size;
          const y = (py + (sy + 0.5) / S) / size;
          let colour: number[] | null = null;
          for (const [c, inside] of layers) if (inside(x, y)) colour = c;
          if (colour && inRoundedSquare(x, y)) {
            acc[0] += colour[0];
            acc[1] += colour[1];
            acc[2] += colour[2];
            acc[3] += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (acc[3]) rgba.set([acc[0] / acc[3], acc[1] / acc[3], acc[2] / acc[3], (255 * acc[3]) / (S * S)], i);
    }
  }
  writeFileSync(`public/icon/${size}.png`, png(size, rgba));
}
console.log('wrote public/icon/{16,32,48,96,128}.png');
