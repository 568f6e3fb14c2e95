// RMSE of a model's clipped predictions on a ratings table, for per-epoch validation
// inside the trainers (src/eval has the general metrics; src/model must not depend on it).

import { ratingStep, type RatingsCoo } from '../dataset/dataset';
import { predict, type SvdModel } from './svd-model';

export function rmseOf(model: SvdModel, data: RatingsCoo): number {
  const { users, items, ratings } = data, step = ratingStep(ratings);
  let sse = 0;
  for (let j = 0; j < data.length; j++) {
    const e = ratings[j]! * step - predict(model, users[j]!, items[j]!);
    sse += e * e;
  }
  return data.length ? Math.sqrt(sse / data.length) : NaN;
}
