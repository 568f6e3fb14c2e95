// RMSE of a model's clipped predictions on a ratings table, for per-epoch validation
// inside the trainers (src/eval has the general metrics; src/model must not depend on it).

import type { RatingsCoo } from '../dataset/dataset';
import { predict, type SvdModel } from './svd-model';

export function rmseOf(model: SvdModel, data: RatingsCoo): number {
  let sse = 0;
  for (let j = 0; j < data.length; j++) {
    const e = data.ratings[j]! - predict(model, data.users[j]!, data.items[j]!);
    sse += e * e;
  }
  return data.length ? Math.sqrt(sse / data.length) : NaN;
}
