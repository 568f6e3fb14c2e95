// Test helper: the weighted-λ objective both trainers minimise,
// Σ e² + Σ_u n_u(λ_bu b_u² + λ_pu‖p_u‖²) + Σ_i n_i(λ_bi b_i² + λ_qi‖q_i‖²), in float64.

import type { RatingsCoo } from '../../../src/dataset/dataset';
import { estimateRaw, termRegs, type SvdModel } from '../../../src/model/svd-model';

export function svdObjective(m: SvdModel, train: RatingsCoo): number {
  const reg = termRegs(m.params), k = m.k;
  let total = 0;
  for (let j = 0; j < train.length; j++) {
    const u = train.users[j]!, i = train.items[j]!;
    total += (train.ratings[j]! - estimateRaw(m, u, i)) ** 2;
    let pp = 0, qq = 0;
    for (let f = 0; f < k; f++) { pp += m.userFactors[u * k + f]! ** 2; qq += m.itemFactors[i * k + f]! ** 2; }
    total += reg.bu * m.userBias[u]! ** 2 + reg.bi * m.itemBias[i]! ** 2 + reg.pu * pp + reg.qi * qq;
  }
  return total;
}
