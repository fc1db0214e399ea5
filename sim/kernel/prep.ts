// What the kernel can compute once per dataset instead of once per scenario-year: each household's factor from survey
// to assessed income (rules/assessed-income.ts), kept while the error model's parameters stay the same.
import type { HouseholdArrays } from '../model/households.ts';
import { assessedFactor, assessmentNormal } from '../rules/assessed-income.ts';
import type { ResolvedParams } from './types.ts';

function sameValues(a: Float64Array | undefined, b: Float64Array): boolean {
  if (a === undefined || a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (!Object.is(a[k], b[k])) return false;
  return true;
}

/**
 * Per-dataset quantities for `simulateYear` and `monitoringMass`. The assessed-income factor of a household depends
 * only on its own data and on `takeup.assessedBias` / `takeup.assessedNoise` of its cell, which scenarios rarely
 * change: it is computed for the first parameters asked for and recomputed only when those two parameters change
 * (8 bytes per household; 16 once recomputed).
 */
export class KernelPrep {
  private readonly households: HouseholdArrays;
  private factor: Float64Array | undefined;
  /** The households' assessment normals z, kept once the factors had to be recomputed (Monte Carlo draws of the
   * error model's parameters), so later recomputations are one exp per household instead of a hash and an inverse
   * normal as well (8 more bytes per household, only then). */
  private normal: Float64Array | undefined;
  private bias: Float64Array | undefined;
  private noise: Float64Array | undefined;

  private readonly keepNormals: boolean;

  /** `keepNormals`: keep the normals from the first computation (Monte Carlo replications redraw the parameters). */
  constructor(households: HouseholdArrays, options: { keepNormals?: boolean } = {}) {
    this.households = households;
    this.keepNormals = options.keepNormals ?? false;
  }

  /** exp(bias + noise · z) per household for these parameters (the same numbers the kernel would compute inline). */
  assessedFactors(params: ResolvedParams): Float64Array {
    const bias = params.cell['takeup.assessedBias'];
    const noise = params.cell['takeup.assessedNoise'];
    if (this.factor !== undefined && sameValues(this.bias, bias) && sameValues(this.noise, noise)) return this.factor;
    const h = this.households;
    const n = h.count;
    const out = this.factor ?? new Float64Array(n);
    const region = h.region;
    const area = h.area;
    const incomePc = h.incomePc;
    const earningsPc = h.earningsPc;
    const size = h.size;
    let z = this.normal;
    if (z === undefined && (this.factor !== undefined || this.keepNormals)) {
      z = new Float64Array(n);
      for (let i = 0; i < n; i++) z[i] = assessmentNormal(incomePc[i], earningsPc[i], size[i]);
      this.normal = z;
    }
    if (z !== undefined) {
      for (let i = 0; i < n; i++) {
        const c = (region[i] << 1) | area[i];
        out[i] = assessedFactor(z[i], bias[c], noise[c]);
      }
    } else {
      for (let i = 0; i < n; i++) {
        const c = (region[i] << 1) | area[i];
        out[i] = assessedFactor(assessmentNormal(incomePc[i], earningsPc[i], size[i]), bias[c], noise[c]);
      }
    }
    this.factor = out;
    this.bias = Float64Array.from(bias);
    this.noise = Float64Array.from(noise);
    return out;
  }
}
