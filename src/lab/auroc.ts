/**
 * Area under the ROC curve of `scores` for telling positives from negatives: the probability that a random
 * positive scores above a random negative, ties counting one half (the Mann–Whitney U statistic, normalised).
 * 0.5 is chance; 1 is perfect separation. Returns 0.5 when either class is empty.
 */
export function auroc(scores: ArrayLike<number>, positive: ArrayLike<boolean | number>): number {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && scores[order[end + 1]!] === scores[order[start]!]) end++;
    const averageRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) {
      if (positive[order[k]!]) {
        positives++;
        rankSum += averageRank;
      }
    }
    start = end + 1;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return 0.5;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
