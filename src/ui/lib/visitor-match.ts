// How the visitor's ratings fare in the loaded dataset, in words: ratings are kept
// by movie identity across datasets, and only those whose movie is in this one count.

/** "this dataset" for the synthetic demo (its label is not a name), else the dataset's name. */
export function datasetPhrase(name: string, synthetic: boolean): string {
  return synthetic ? 'this dataset' : name;
}

/**
 * A sentence on how many of the visitor's ratings are in the dataset, or undefined when all
 * of them are (nothing to explain) or there are none.
 */
export function ratingsMatchText(matched: number, total: number, where: string): string | undefined {
  if (total === 0 || matched >= total) return undefined;
  if (matched === 0) return total === 1 ? `Your 1 rating is not in ${where}.` : `None of your ${total} ratings are in ${where}.`;
  return `${matched} of your ${total} ratings ${matched === 1 ? 'is' : 'are'} in ${where}.`;
}
