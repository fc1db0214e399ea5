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
 * Weight of the centralised care shares for a household: 1 when its support type is centralised (1), 0 when
 * dispersed (2), and the catalogue's `tekun.centralisedShare` blend when not recorded (0, the documented fallback).
 */
export function tekunCentralisedWeight(supportType: number, centralisedShare: number): number {
  return supportType === 1 ? 1 : supportType === 2 ? 0 : centralisedShare;
}

/**
 * Monthly care: members by care level (full, half, the rest self-care) × share of the monthly minimum wage, the shares
 * weighted between centralised and dispersed support by `centralisedShare` (from `tekunCentralisedWeight`: the
 * household's support type, or the blend when it is not recorded).
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
