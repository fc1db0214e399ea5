// Dibao-marginal and rigid-expenditure hardship rules (POLICY.md §2.3–2.4).

/**
 * Marginal: monthly per-capita income strictly below multiplier × standard (assets within limits checked by the
 * caller). Income, not countable income: §2.3 words the test on per-capita income; the earnings disregard is dibao's.
 */
export function marginalIncomeTest(incomeMonthlyPc: number, standard: number, multiplier: number): boolean {
  return incomeMonthlyPc < multiplier * standard;
}

/** Rigid income test: per-capita annual income strictly below multiplier × previous-year local disposable income. */
export function rigidIncomeTest(incomePc: number, incomePrev: number, multiplier: number): boolean {
  return incomePc < multiplier * incomePrev;
}

/** Rigid spending test: medical + education + rehabilitation spending strictly exceeds ratio × household income. */
export function rigidSpendingTest(rigidSpendingHh: number, incomePc: number, size: number, ratio: number): boolean {
  return rigidSpendingHh > ratio * incomePc * size;
}
