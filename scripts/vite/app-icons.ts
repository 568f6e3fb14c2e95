// The installable app's PNG icons, drawn from the same geometry as public/icon.svg
// (a play triangle and a dot on a navy tile) and encoded with node:zlib: no image
// library, no download, and the same bytes on every build.
import { deflateSync } from 'node:zlib';

type Rgb = [number, number, number];

const NAVY: Rgb = [0x1f, 0x2a, 0x44];
const GOLD: Rgb = [0xf4, 0xb9, 0x42];
const RED: Rgb = [0xe4, 0x57, 0x2e];

export interface IconSpec {
  fileName: string;
  size: number;
  /** Maskable: a full-bleed tile with the glyph inside the 80 % safe zone. */
  maskable: boolean;
}

export const APP_ICONS: IconSpec[] = [
  { fileName: 'icons/icon-192.png', size: 192, maskable: false },
  { fileName: 'icons/icon-512.png', size: 512, maskable: false },
  { fileName: 'icons/maskable-512.png', size: 512, maskable: true },
];

/** Which colour covers point (x, y) of the 64×64 artwork, or undefined for transparent. */
function paint(x: number, y: number, maskable: boolean): Rgb | undefined {
  if (!maskable && !insideRoundedSquare(x, y, 64, 14)) return undefined;
  // The maskable glyph is shrunk to 70 % around the centre so it survives a circular mask.
  const [gx, gy] = maskable ? [32 + (x - 32) / 0.7, 32 + (y - 32) / 0.7] : [x, y];
  if (insideTriangle(gx, gy, [18, 44], [18, 20], [46, 32])) return GOLD;
  if ((gx - 46) ** 2 + (gy - 46) ** 2 <= 36) return RED;
  return NAVY;
}

function insideRoundedSquare(x: number, y: number, size: number, r: number): boolean {
  if (x < 0 || y < 0 || x > size || y > size) return false;
  const cx = Math.min(Math.max(x, r), size - r);
  const cy = Math.min(Math.max(y, r), size - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function insideTriangle(x: number, y: number, a: number[], b: number[], c: number[]): boolean {
  const side = (p: number[], q: number[]) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  const d1 = side(a, b);
  const d2 = side(b, c);
  const d3 = side(c, a);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

/** RGBA pixels, each the average of a 4×4 grid of samples (anti-aliased edges). */
export function renderIcon(size: number, maskable: boolean): Uint8Array {
  const SS = 4;
  const out = new Uint8Array(size * size * 4);
  const scale = 64 / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const c = paint((px + (sx + 0.5) / SS) * scale, (py + (sy + 0.5) / SS) * scale, maskable);
          if (!c) continue;
          r += c[0]; g += c[1]; b += c[2]; a++;
        }
      }
      const o = (py * size + px) * 4;
      // Colour averaged over covered samples (straight alpha), coverage as alpha.
      if (a) { out[o] = Math.round(r / a); out[o + 1] = Math.round(g / a); out[o + 2] = Math.round(b / a); }
      out[o + 3] = Math.round((a / (SS * SS)) * 255);
    }
  }
  return out;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, tail]);
}

/** A minimal PNG: 8-bit RGBA, no interlace, filter type 0 on every row. */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    raw.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

export function iconPng(spec: IconSpec): Buffer {
  return encodePng(spec.size, renderIcon(spec.size, spec.maskable));
}
