// Tekun (extremely poor persons) rules (POLICY.md §2.2): eligibility, basic living and care amounts.

/**
 * "Three nos" candidate (dataset profile) with monthly per-capita income strictly below the dibao standard (§2.2
 * words it on income; the earnings disregard is dibao's).
 */
export function tekunEligible(profile: number, incomeMonthlyPc: number, standard: number): boolean {
  return profile > 0 && incomeMonthlyPc < standard;
}

/** Monthly basic living: multiplier × standard × members. */
export function tekunLivingMonthly(standard: number, multiplier: number, size: number): number {
  return multiplier * standard * size;
}

/**
 * Monthly care: members by care level (full, half, the rest self-care) × share of the monthly minimum wage, the shares
 * blended between centralised and dispersed support by `centralisedShare` (the data carry no support-type flag).
 */
export function tekunCareMonthly(
  minWage: number,
  size: number,
  careFull: number,
  careHalf: number,
  centralisedShare: number,
  fullD: number,
  halfD: number,
  selfD: number,
  fullC: number,
  halfC: number,
  selfC: number,
): number {
  const full = Math.min(careFull, size);
  const half = Math.min(careHalf, size - full);
  const self = size - full - half;
  const c = centralisedShare;
  const shareFull = c * fullC + (1 - c) * fullD;
  const shareHalf = c * halfC + (1 - c) * halfD;
  const shareSelf = c * selfC + (1 - c) * selfD;
  return minWage * (full * shareFull + half * shareHalf + self * shareSelf);
}
