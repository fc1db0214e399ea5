// The assessed-income error model: eligibility tests see the income the civil-affairs office assesses, while deciles,
// targeting and poverty use the survey income in the data. log(assessed) = log(survey) + bias + noise · z, where z is
// a standard normal fixed per household: a hash of the household's own survey income, earnings and size (so the same
// household gets the same z in a one-household trace, in any row order, in every year and replication).
// Parameters `takeup.assessedBias` and `takeup.assessedNoise` (catalogue, with sources); see POLICY.md and sim/API.md.
import { hash4 } from '../random/counter-hash.ts';
import { inverseNormal } from '../random/normal.ts';

const TWO32 = 4294967296;
/** Key of the assessment stream, distinct from every Monte Carlo draw. */
const ASSESS_KEY = 0x61737365;

const cents = (x: number): number => {
  const v = Math.round(Math.abs(x) * 100) % TWO32;
  return v >>> 0;
};

/**
 * The household's fixed standard normal z of the error model, from its survey income and earnings per capita (yuan,
 * rounded to fen, as recorded in the data) and its size: deterministic, independent of row, seed, year and scenario.
 */
export function assessmentNormal(incomePc: number, earningsPc: number, size: number): number {
  const u = (hash4(ASSESS_KEY, cents(incomePc), cents(earningsPc), size) + 0.5) / TWO32;
  return inverseNormal(u);
}

/** Factor from survey to assessed income: exp(bias + noise · z). bias 0 and noise 0 make assessed = survey. */
export function assessedFactor(z: number, bias: number, noise: number): number {
  return bias === 0 && noise === 0 ? 1 : Math.exp(bias + noise * z);
}
