// Dibao rules (POLICY.md §2.1) as small pure functions shared by the kernel and the household trace.

/** Monthly per-capita countable income: income/12 minus the earnings disregard (capped at earnings). */
export function countableIncomeMonthlyPc(
  incomePc: number,
  earningsPc: number,
  size: number,
  working: number,
  disregardShare: number,
  standard: number,
): number {
  const disregardHh = Math.min(working * disregardShare * standard, (earningsPc * size) / 12);
  return incomePc / 12 - disregardHh / size;
}

/** Asset test: per-capita financial assets ≤ months × standard (passes when the test is switched off). */
export function assetTestPasses(assetsPc: number, assetMonths: number, standard: number, on: number): boolean {
  return on < 0.5 || assetsPc <= assetMonths * standard;
}

/** Car test: no non-exempt car (passes when switched off). */
export function carTestPasses(car: number, on: number): boolean {
  return on < 0.5 || car === 0;
}

/** Home test: at most `maxHomes` homes (passes when switched off). */
export function homeTestPasses(homes: number, maxHomes: number, on: number): boolean {
  return on < 0.5 || homes <= maxHomes;
}

/**
 * Residence rule (户籍): whether a household may be assessed where it lives for dibao, tekun, marginal and rigid
 * status. Local hukou households always may; non-local ones only where the region lets them apply with a residence
 * permit (`dibao.nonLocalHukouEligible` on); otherwise they must apply at their hukou place.
 */
export function residenceEligible(localHukou: number, nonLocalEligible: number): boolean {
  return localHukou > 0 || nonLocalEligible >= 0.5;
}

/** Dibao income test: countable income strictly below the standard. */
export function dibaoIncomeTest(countableMonthlyPc: number, standard: number): boolean {
  return countableMonthlyPc < standard;
}

/**
 * Monthly gap benefit: (standard − countable) × size, floored at minShare × standard × size. With `tiers` ≥ 2 the
 * benefit is paid in tiers (分档): the gap as a share of the standard is rounded up to the next 1/tiers.
 */
export function dibaoBaseMonthly(
  standard: number,
  countableMonthlyPc: number,
  size: number,
  minShare: number,
  tiers: number,
): number {
  let gap = (standard - countableMonthlyPc) * size;
  if (tiers >= 2 && gap > 0)
    gap = (Math.ceil(((standard - countableMonthlyPc) / standard) * tiers) / tiers) * standard * size;
  return Math.max(gap, minShare * standard * size, 0);
}

/**
 * Monthly classified supplements. Members count once at their highest share: categories are taken in descending
 * share order, each contributing min(count, members not yet counted). Approximation: the data hold only counts, so
 * members of different categories are assumed to be different people unless the counts exceed household size.
 */
export function supplementMonthly(
  standard: number,
  size: number,
  elderly: number,
  children: number,
  disabled: number,
  ill: number,
  sElderly: number,
  sChildren: number,
  sDisabled: number,
  sIll: number,
): number {
  let remaining = size;
  let total = 0;
  let used = 0; // bitmask of categories already counted
  for (let k = 0; k < 4 && remaining > 0; k++) {
    let best = -1;
    let bestShare = 0;
    if ((used & 1) === 0 && sElderly > bestShare) {
      best = 0;
      bestShare = sElderly;
    }
    if ((used & 2) === 0 && sChildren > bestShare) {
      best = 1;
      bestShare = sChildren;
    }
    if ((used & 4) === 0 && sDisabled > bestShare) {
      best = 2;
      bestShare = sDisabled;
    }
    if ((used & 8) === 0 && sIll > bestShare) {
      best = 3;
      bestShare = sIll;
    }
    if (best < 0) break;
    used |= 1 << best;
    const count = best === 0 ? elderly : best === 1 ? children : best === 2 ? disabled : ill;
    const n = Math.min(count, remaining);
    total += n * bestShare * standard;
    remaining -= n;
  }
  return total;
}

/** Members covered by single-person dibao: seriously ill or severely disabled (overlap assumed maximal). */
export function singlePersonMembers(size: number, disabled: number, ill: number): number {
  return Math.min(size, Math.max(disabled, ill));
}

/** Monthly single-person dibao: full standard per covered member plus the higher of the two supplements. */
export function singlePersonMonthly(
  standard: number,
  members: number,
  disabled: number,
  ill: number,
  sDisabled: number,
  sIll: number,
): number {
  const share = Math.max(disabled > 0 ? sDisabled : 0, ill > 0 ? sIll : 0);
  return members * standard * (1 + share);
}

/** Whether a leaving dibao household gets the gradual exit: its rise came from work (a member in work, earnings). */
export function gradualExitApplies(
  working: number,
  earningsPc: number,
  months: number,
  alreadyInExit: number,
): boolean {
  return months > 0 && working > 0 && earningsPc > 0 && alreadyInExit === 0;
}

/** Gradual-exit cost for the year: months (≤ 12) × share × standard × size. */
export function gradualExitAnnual(months: number, share: number, standard: number, size: number): number {
  return Math.min(12, months) * share * standard * size;
}
