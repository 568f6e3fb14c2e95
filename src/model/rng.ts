// Seeded random numbers for reproducible training: mulberry32 for uniforms,
// Box-Muller for normals. tf.randomNormal's seeding differs per backend, so
// every random draw the trainers make comes from here.

/** A seeded uniform generator in [0, 1) (mulberry32, 32-bit state). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fills `out` with N(mean, std²) draws from `uniform` (Box-Muller, both outputs used). */
export function fillNormal(out: Float32Array, mean: number, std: number, uniform: () => number): Float32Array {
  for (let j = 0; j < out.length; j += 2) {
    // 1 - u keeps the log argument in (0, 1].
    const radius = Math.sqrt(-2 * Math.log(1 - uniform()));
    const angle = 2 * Math.PI * uniform();
    out[j] = mean + std * radius * Math.cos(angle);
    if (j + 1 < out.length) out[j + 1] = mean + std * radius * Math.sin(angle);
  }
  return out;
}

/** In-place Fisher-Yates shuffle of `order`. */
export function shuffleInPlace(order: Int32Array | Uint32Array, uniform: () => number): void {
  for (let j = order.length - 1; j > 0; j--) {
    const swap = Math.floor(uniform() * (j + 1));
    const tmp = order[j]!;
    order[j] = order[swap]!;
    order[swap] = tmp;
  }
}
