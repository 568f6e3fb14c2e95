// Seeded random numbers for the generators: mulberry32 (32-bit state, period 2^32),
// plus the few distributions the generators draw from. Same seed, same stream, on every
// platform: only integer ops, Math.imul and V8's deterministic Math.log/sqrt/cos.

/**
 * @typedef {object} Rng
 * @property {() => number} next uniform in [0, 1)
 * @property {() => number} u32 uniform 32-bit unsigned integer
 * @property {(n: number) => number} int uniform integer in [0, n)
 * @property {() => number} normal standard normal (Box–Muller, one value per call)
 * @property {<T>(items: readonly T[]) => T} pick uniform element
 */

/**
 * @param {number} seed any 32-bit integer
 * @returns {Rng}
 */
export function mulberry32(seed) {
  let a = seed >>> 0;
  const u32 = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = () => u32() / 4294967296;
  return {
    next,
    u32,
    int: (n) => Math.floor(next() * n),
    normal: () => {
      const u = 1 - next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

/**
 * Stable 32-bit FNV-1a hash of a string: per-name ids that do not depend on visiting order.
 * @param {string} text
 * @returns {number}
 */
export function hashString(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Integer from a truncated power law (Pareto) on [min, max]: activity and cast-list lengths.
 * @param {Rng} rng
 * @param {number} min
 * @param {number} max
 * @param {number} alpha tail exponent (larger = lighter tail)
 * @returns {number}
 */
export function truncatedPareto(rng, min, max, alpha) {
  const ratio = Math.pow(min / max, alpha);
  const u = rng.next();
  const x = min / Math.pow(1 - u * (1 - ratio), 1 / alpha);
  return Math.min(max, Math.floor(x));
}

/**
 * Sampler for a fixed discrete distribution in O(1) per draw (Walker's alias method).
 * @param {ArrayLike<number>} weights non-negative, not all zero
 * @returns {(rng: Rng) => number} index drawn with probability weight / sum
 */
export function aliasSampler(weights) {
  const n = weights.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i];
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  const scaled = new Float64Array(n);
  /** @type {number[]} */ const small = [];
  /** @type {number[]} */ const large = [];
  for (let i = 0; i < n; i++) {
    scaled[i] = (weights[i] * n) / sum;
    (scaled[i] < 1 ? small : large).push(i);
  }
  while (small.length && large.length) {
    const s = /** @type {number} */ (small.pop());
    const l = /** @type {number} */ (large.pop());
    prob[s] = scaled[s];
    alias[s] = l;
    scaled[l] = scaled[l] + scaled[s] - 1;
    (scaled[l] < 1 ? small : large).push(l);
  }
  for (const i of large) prob[i] = 1;
  for (const i of small) prob[i] = 1;
  return (rng) => {
    const i = Math.floor(rng.next() * n);
    return rng.next() < prob[i] ? i : alias[i];
  };
}
