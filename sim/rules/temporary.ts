// Temporary assistance as events (POLICY.md §2.5) and the disaster shock (§3.5): probabilities and amounts.

/** Annual medical-shock probability: base + slope × medical spending ÷ household income, capped. */
export function medicalShockProb(
  medicalHh: number,
  incomePc: number,
  size: number,
  base: number,
  slope: number,
  cap: number,
): number {
  const share = medicalHh / Math.max(1, incomePc * size);
  return Math.min(cap, base + slope * share);
}

/** Payment for one event: min(months, cap) × monthly standard. */
export function eventAmount(months: number, capMonths: number, standard: number): number {
  return Math.min(months, capMonths) * standard;
}

/**
 * Share of a staged payment paid within the year: one approval paid evenly over `stageMonths`, starting in a uniformly
 * distributed month of the year (1 = lump sum, share 1).
 */
export function stagedShareInYear(stageMonths: number): number {
  const k = Math.max(1, Math.round(stageMonths));
  if (k === 1) return 1;
  let sum = 0;
  for (let m = 0; m < 12; m++) sum += Math.min(1, (12 - m) / k);
  return sum / 12;
}

/** Annual income per capita while affected by the disaster: loss share × months/12 of income is lost. */
export function disasterIncomePc(incomePc: number, lossShare: number, durationMonths: number): number {
  return incomePc * (1 - (lossShare * Math.min(12, durationMonths)) / 12);
}

/** Expected disaster payment in months of standard, with the housing-loss top-up, each case capped. */
export function disasterEventMonths(
  amountMonths: number,
  housingMonths: number,
  housingLostShare: number,
  capMonths: number,
): number {
  return (
    housingLostShare * Math.min(capMonths, amountMonths + housingMonths) +
    (1 - housingLostShare) * Math.min(capMonths, amountMonths)
  );
}
