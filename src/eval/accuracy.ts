// Rating-accuracy metrics over parallel arrays of actual ratings and estimates,
// with Surprise's definitions (accuracy.rmse, accuracy.mae, accuracy.fcp).

export function rmse(actual: ArrayLike<number>, estimate: ArrayLike<number>): number {
  checkLengths(actual, estimate);
  let sse = 0;
  for (let j = 0; j < actual.length; j++) sse += (actual[j]! - estimate[j]!) ** 2;
  return Math.sqrt(sse / actual.length);
}

export function mae(actual: ArrayLike<number>, estimate: ArrayLike<number>): number {
  checkLengths(actual, estimate);
  let sae = 0;
  for (let j = 0; j < actual.length; j++) sae += Math.abs(actual[j]! - estimate[j]!);
  return sae / actual.length;
}

/**
 * Fraction of Concordant Pairs (Koren 2009) as Surprise computes it: per user, pairs with
 * r_i > r_j are concordant when est_i > est_j and discordant when est_i ≤ est_j; the
 * per-user counts are averaged over users, then fcp = nc / (nc + nd).
 */
export function fcp(users: ArrayLike<number>, actual: ArrayLike<number>, estimate: ArrayLike<number>): number {
  checkLengths(actual, estimate);
  const byUser = new Map<number, number[]>();
  for (let j = 0; j < users.length; j++) {
    let list = byUser.get(users[j]!);
    if (!list) byUser.set(users[j]!, (list = []));
    list.push(j);
  }
  let nc = 0, nd = 0;
  for (const rows of byUser.values()) {
    for (const a of rows) for (const b of rows) {
      if (actual[a]! > actual[b]!) {
        if (estimate[a]! > estimate[b]!) nc++;
        else nd++;
      }
    }
  }
  // Averaging over users divides both by the same count, so the ratio is unchanged.
  if (nc + nd === 0) throw new RangeError('FCP is undefined: no user has two test ratings that differ');
  return nc / (nc + nd);
}

function checkLengths(a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length) throw new RangeError(`length mismatch: ${a.length} actual vs ${b.length} estimates`);
  if (a.length === 0) throw new RangeError('no ratings to evaluate');
}
