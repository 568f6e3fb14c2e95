// The users of the loaded dataset for "recommend for a user of the dataset": raw id →
// inner index, and each user's ratings as a profile's ratings (inner items, dataset
// scale), from a CSR built on first use.
import { ratingStep, type Dataset } from '../dataset/dataset';
import type { ProfileRating } from '../recommend/recommender';

export class DatasetUsers {
  private index?: Map<number, number>;
  private byUser?: { offsets: Int32Array; order: Int32Array };

  constructor(private readonly dataset: Dataset) {}

  innerOf(rawId: number): number | undefined {
    if (!this.index) {
      const index = new Map<number, number>();
      this.dataset.userRawIds.forEach((raw, inner) => index.set(raw, inner));
      this.index = index;
    }
    return this.index.get(rawId);
  }

  /** The ratings of an inner user, in the order they appear in the dataset. */
  ratingsOf(user: number): ProfileRating[] {
    const { users, items, ratings, length } = this.dataset.ratings;
    if (!this.byUser) {
      const nUsers = this.dataset.userRawIds.length;
      const offsets = new Int32Array(nUsers + 1);
      for (let j = 0; j < length; j++) offsets[users[j] + 1]++;
      for (let u = 0; u < nUsers; u++) offsets[u + 1] += offsets[u];
      const fill = offsets.slice(0, nUsers);
      const order = new Int32Array(length);
      for (let j = 0; j < length; j++) order[fill[users[j]]++] = j;
      this.byUser = { offsets, order };
    }
    const { offsets, order } = this.byUser;
    const step = ratingStep(ratings);
    const out: ProfileRating[] = [];
    for (let at = offsets[user]; at < offsets[user + 1]; at++) out.push({ item: items[order[at]], rating: ratings[order[at]] * step });
    return out;
  }
}
