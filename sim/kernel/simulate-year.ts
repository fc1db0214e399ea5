// The kernel: one simulated year over typed arrays, a straight loop with per-cell parameters hoisted into arrays.
// Precedence tekun → dibao → marginal → rigid; take-up, gradual exit, temporary events, services, one-off subsidies,
// monitoring, funding split and the disaster shock (POLICY.md §2–§3). Expected value or one Monte Carlo replication.
import type { HouseholdArrays } from '../model/households.ts';
import type { RegionArrays } from '../model/regions.ts';
import { DRAW, uniform as uniformImported } from '../random/counter-hash.ts';
import {
  dibaoBaseMonthly as dibaoBaseMonthlyImported,
  gradualExitAnnual as gradualExitAnnualImported,
  singlePersonMembers as singlePersonMembersImported,
  singlePersonMonthly as singlePersonMonthlyImported,
  supplementMonthly as supplementMonthlyImported,
} from '../rules/dibao.ts';
import {
  tekunCareMonthly as tekunCareMonthlyImported,
  tekunLivingMonthly as tekunLivingMonthlyImported,
} from '../rules/tekun.ts';
import { disasterEventMonths, disasterIncomePc, stagedShareInYear } from '../rules/temporary.ts';
import {
  COMPONENT_IDS,
  DECILE_METRIC_COUNT as DECILE_METRIC_COUNT_IMPORTED,
  FLAG,
  M,
  METRIC_COUNT as METRIC_COUNT_IMPORTED,
} from './metrics.ts';
import type { ComponentId } from './metrics.ts';
import { incomeDeciles } from './deciles.ts';
import { monitoringTargetRatio } from './monitoring-target.ts';
import type { HouseholdResult, HouseholdState, ResolvedParams, SimOptions, YearResult } from './types.ts';

// Imports used in the hot loop are bound to module constants: loaders and bundlers may wrap imported bindings in
// getters, which would otherwise be called for every household.
const METRIC_COUNT = METRIC_COUNT_IMPORTED;
const DECILE_METRIC_COUNT = DECILE_METRIC_COUNT_IMPORTED;
const uniformFn = uniformImported;
const dibaoBaseMonthly = dibaoBaseMonthlyImported;
const gradualExitAnnual = gradualExitAnnualImported;
const singlePersonMembers = singlePersonMembersImported;
const singlePersonMonthly = singlePersonMonthlyImported;
const supplementMonthly = supplementMonthlyImported;
const tekunCareMonthly = tekunCareMonthlyImported;
const tekunLivingMonthly = tekunLivingMonthlyImported;
const DRAW_TAKEUP = DRAW.takeup;
const DRAW_MEDICAL = DRAW.medical;
const DRAW_OTHER = DRAW.other;
const DRAW_DISASTER = DRAW.disaster;
const DRAW_HOUSING = DRAW.housing;
const DRAW_AFFECTED = DRAW.affected;
const FLAG_TEKUN = FLAG.eligTekun;
const FLAG_DIBAO = FLAG.eligDibao;
const FLAG_MARGINAL = FLAG.eligMarginal;
const FLAG_RIGID = FLAG.eligRigid;
const FLAG_ASSETS = FLAG.assetsPass;
const FLAG_MONITORED = FLAG.monitored;
const FLAG_SINGLE = FLAG.singlePerson;
const FLAG_DISASTER = FLAG.disasterRegion;

const K_SAMPLE = M['sample'];
const K_HH = M['households'];
const K_PERSONS = M['persons'];
const K_HH_PROG = [-1, M['households.dibao'], M['households.tekun'], M['households.marginal'], M['households.rigid']];
const K_P_PROG = [-1, M['persons.dibao'], M['persons.tekun'], M['persons.marginal'], M['persons.rigid']];
const K_ENT_H = M['entrants.households'];
const K_ENT_P = M['entrants.persons'];
const K_LEA_H = M['leavers.households'];
const K_LEA_P = M['leavers.persons'];
const K_GE_H = M['gradualExit.households'];
const K_GE_P = M['gradualExit.persons'];
const K_BASE = M['cost.base'];
const K_SUPP = M['cost.supplements'];
const K_TL = M['cost.tekunLiving'];
const K_TC = M['cost.tekunCare'];
const K_GEC = M['cost.gradualExit'];
const K_MS = M['cost.marginalSpecial'];
const K_RS = M['cost.rigidSpecial'];
const K_TMP = M['cost.temporary'];
const K_SVC = M['cost.services'];
const K_ONE = M['cost.oneOff'];
const K_TOTAL = M['cost.total'];
const K_CENTRAL = M['cost.central'];
const K_LOCAL = M['cost.local'];
const K_EVENTS = M['temporary.events'];
const K_PTIMES = M['temporary.personTimes'];
const K_SVC_P = M['services.persons'];
const K_ONE_P = M['oneOff.persons'];
const K_MON_H = M['monitored.households'];
const K_MON_P = M['monitored.persons'];
const K_ELIG_H = M['eligible.households'];
const K_ELIG_P = M['eligible.persons'];
const K_EXC_H = M['exclusion.households'];
const K_EXC_P = M['exclusion.persons'];
const K_INC_H = M['inclusion.households'];
const K_INC_P = M['inclusion.persons'];
const K_CASH = M['benefit.cash'];
const K_BOT10 = M['benefit.bottomDecile'];
const K_BOT20 = M['benefit.bottomQuintile'];
const K_PRE_H = M['poverty.preHeadcount'];
const K_POST_H = M['poverty.postHeadcount'];
const K_PRE_G = M['poverty.preGap'];
const K_POST_G = M['poverty.postGap'];
const K_DIS_AFF = M['disaster.affectedHouseholds'];
const K_DIS_ADD = M['disaster.addedHouseholds'];
const K_DIS_COST = M['disaster.addedCost'];

/** Everything the per-household evaluation reads, hoisted once per call (no per-row allocation). */
interface Ctx {
  h: HouseholdArrays;
  mc: boolean;
  seed: number;
  rep: number;
  cells: Float64Array;
  dec: Float64Array;
  decile: Uint8Array;
  cols: HouseholdResult | undefined;
  next: HouseholdState;
  prevProg: Uint8Array;
  prevEnrol: Float64Array | undefined;
  prevGE: Uint8Array;
  std: Float64Array;
  line: Float64Array;
  fInc: Float64Array;
  fCons: Float64Array;
  central: Float64Array;
  incomePrev: Float64Array;
  minWage: Float64Array;
  staged: Float64Array;
  monRatio: number;
  assetTest: Float64Array;
  assetMonths: Float64Array;
  carTest: Float64Array;
  homeTest: Float64Array;
  maxHomes: Float64Array;
  disregard: Float64Array;
  minShare: Float64Array;
  sE: Float64Array;
  sC: Float64Array;
  sD: Float64Array;
  sI: Float64Array;
  geMonths: Float64Array;
  geShare: Float64Array;
  single: Float64Array;
  tkMult: Float64Array;
  tkCentral: Float64Array;
  fullD: Float64Array;
  halfD: Float64Array;
  selfD: Float64Array;
  fullC: Float64Array;
  halfC: Float64Array;
  selfC: Float64Array;
  margMult: Float64Array;
  margCost: Float64Array;
  rigidMult: Float64Array;
  rigidRatio: Float64Array;
  rigidCost: Float64Array;
  tTakeup: Float64Array;
  tNonLocal: Float64Array;
  tMedBase: Float64Array;
  tMedSlope: Float64Array;
  tMedMax: Float64Array;
  tOther: Float64Array;
  medAmt: Float64Array;
  otherAmt: Float64Array;
  svcPilot: Float64Array;
  svcCost: Float64Array;
  svcTakeup: Float64Array;
  oneDibao: Float64Array;
  oneTekun: Float64Array;
  oneOrphan: Float64Array;
  monMult: Float64Array;
  tuMon: Float64Array;
  tuUnmon: Float64Array;
  disEventProb: Float64Array;
  disHousingShare: Float64Array;
  /** Per cell: disaster payment per event, expected over housing loss (EV) and without / with housing loss (MC). */
  disAmtExpected: Float64Array;
  disAmtPlain: Float64Array;
  disAmtHousing: Float64Array;
  /** Set by evalBranch: probability/indicator of receiving cash assistance in the branch just evaluated. */
  lastCashQ: number;
  /** Set by evalBranch: expected total benefit of the branch just evaluated, yuan/year. */
  lastTotal: number;
  /** Arguments of evalBranch passed through the context (double arguments of a call would be boxed). */
  argIncome: number;
  argShare: number;
  argWeight: number;
}

/**
 * Evaluate household i in one branch (unaffected, or affected by the disaster) with branch share `share`, accumulating
 * weighted sums with weight w × share into the cells and share × value into the household columns (assigned when
 * `add` is false, added when true). Sets `x.lastTotal` (expected yuan/year) and `x.lastCashQ`.
 * The arithmetic is written inline (hot path) and mirrors the pure functions in `sim/rules/`, which the trace uses;
 * tests assert both give the same amounts.
 */
function evalBranch(x: Ctx, i: number, c: number, affected: boolean, primary: boolean, add: boolean): void {
  const incomePc = x.argIncome;
  const share = x.argShare;
  const w = x.argWeight;
  const h = x.h;
  const size = h.size[i];
  const s = x.std[c];
  const fInc = x.fInc[c];
  const earnRaw = h.earningsPc[i] * fInc;
  const earnPc = earnRaw < incomePc ? earnRaw : incomePc;
  const working = h.working[i];
  // countableIncomeMonthlyPc
  const disregardHh = Math.min(working * x.disregard[c] * s, (earnPc * size) / 12);
  const countable = incomePc / 12 - disregardHh / size;
  // assetTestPasses, carTestPasses, homeTestPasses
  const assetsOk =
    (x.assetTest[c] < 0.5 || h.assetsPc[i] * fInc <= x.assetMonths[c] * s) &&
    (x.carTest[c] < 0.5 || h.car[i] === 0) &&
    (x.homeTest[c] < 0.5 || h.homes[i] <= x.maxHomes[c]);
  const belowStandard = countable < s;
  const belowMarginal = countable < x.margMult[c] * s;
  const tekunOk = h.tekunProfile[i] > 0 && belowStandard;
  const dibaoOk = belowStandard && assetsOk;
  const marginalOk = assetsOk && belowMarginal;
  let rigidOk = false;
  if (assetsOk && !tekunOk && !dibaoOk && !marginalOk) {
    const rigidSpend = (h.medicalHh[i] + h.educationHh[i] + h.rehabHh[i]) * x.fCons[c];
    rigidOk = incomePc < x.rigidMult[c] * (x.incomePrev[c] * fInc) && rigidSpend > x.rigidRatio[c] * incomePc * size;
  }
  let status = tekunOk ? 2 : dibaoOk ? 1 : 0;
  let single = false;
  if (status === 0 && marginalOk && x.single[c] >= 0.5 && (h.ill[i] > 0 || h.disabled[i] > 0)) {
    status = 1;
    single = true;
  }
  if (status === 0) status = marginalOk ? 3 : rigidOk ? 4 : 0;
  const cashStatus = status === 1 || status === 2;

  // Take-up and transitions (§3.2).
  const prevProg = x.prevProg[i];
  const prevEnrol = x.prevEnrol !== undefined ? x.prevEnrol[i] : prevProg !== 0 ? 1 : 0;
  const cashPrev = prevProg === 1 || prevProg === 2;
  const ratio = incomePc / 12 / s;
  const widened = (x.monMult[c] > 0 && ratio < x.monMult[c]) || ratio < x.monRatio;
  const monNotEnrolled = h.monitored[i] > 0 || widened;
  let p = 0;
  let entrant = 0;
  if (status !== 0) {
    const tu = monNotEnrolled ? x.tuMon[c] : x.tuUnmon[c];
    const famNow = cashStatus ? 1 : 2;
    const famPrev = cashPrev ? 1 : prevProg === 3 || prevProg === 4 ? 2 : 0;
    if (x.mc) {
      const drawn = uniformFn(x.seed, x.rep, i, DRAW_TAKEUP) < tu ? 1 : 0;
      const stayed = famNow === famPrev && prevEnrol >= 0.5 ? 1 : 0;
      p = stayed === 1 ? 1 : drawn;
      entrant = p - stayed;
    } else if (famNow === famPrev) {
      p = prevEnrol + (1 - prevEnrol) * tu;
      entrant = p - prevEnrol;
    } else {
      p = tu;
      entrant = p;
    }
    if (!cashStatus) entrant = 0;
  }
  let leaver = 0;
  let ge = 0;
  if (cashPrev && !cashStatus) {
    leaver = prevEnrol;
    // gradualExitApplies
    if (prevProg === 1 && x.geMonths[c] > 0 && working > 0 && earnPc > 0 && x.prevGE[i] === 0) ge = prevEnrol;
  }

  // Conditional (if enrolled) annual amounts.
  let persons = size;
  let cBase = 0;
  let cSupp = 0;
  let cTL = 0;
  let cTC = 0;
  let cSpecial = 0;
  let cSvc = 0;
  let svcPersons = 0;
  let cOne = 0;
  let onePersons = 0;
  if (status === 1) {
    if (single) {
      persons = singlePersonMembers(size, h.disabled[i], h.ill[i]);
      const total = singlePersonMonthly(s, persons, h.disabled[i], h.ill[i], x.sD[c], x.sI[c]) * 12;
      cBase = persons * s * 12;
      cSupp = total - cBase;
    } else {
      cBase = dibaoBaseMonthly(s, countable, size, x.minShare[c]) * 12;
      cSupp =
        supplementMonthly(
          s,
          size,
          h.elderly[i],
          h.children[i],
          h.disabled[i],
          h.ill[i],
          x.sE[c],
          x.sC[c],
          x.sD[c],
          x.sI[c],
        ) * 12;
    }
    cOne = x.oneDibao[c] * persons;
    onePersons = x.oneDibao[c] > 0 ? persons : 0;
  } else if (status === 2) {
    cTL = tekunLivingMonthly(s, x.tkMult[c], size) * 12;
    cTC =
      tekunCareMonthly(
        x.minWage[c],
        size,
        h.careFull[i],
        h.careHalf[i],
        x.tkCentral[c],
        x.fullD[c],
        x.halfD[c],
        x.selfD[c],
        x.fullC[c],
        x.halfC[c],
        x.selfC[c],
      ) * 12;
    cOne = x.oneTekun[c] * size;
    onePersons = x.oneTekun[c] > 0 ? size : 0;
  } else if (status === 3) {
    cSpecial = x.margCost[c] * size;
  } else if (status === 4) {
    cSpecial = x.rigidCost[c] * size;
  }
  if (status >= 1 && status <= 3 && x.svcPilot[c] >= 0.5) {
    svcPersons = Math.min(size, h.careFull[i] + h.careHalf[i]) * x.svcTakeup[c];
    cSvc = svcPersons * x.svcCost[c];
  }
  // Orphans (only children in the household) get the one-off subsidy whatever their programme.
  let orphanOne = 0;
  let orphanPersons = 0;
  if (h.children[i] > 0 && h.children[i] >= size && x.oneOrphan[c] > 0) {
    orphanPersons = size;
    orphanOne = x.oneOrphan[c] * size;
  }
  const geCost = ge > 0 ? gradualExitAnnual(x.geMonths[c], x.geShare[c], s, size) : 0;

  // Temporary assistance events (§2.5) and disaster events (§3.5); amounts per event precomputed per cell.
  let events = 0;
  let tmp = 0;
  if (h.localHukou[i] > 0 || x.tNonLocal[c] >= 0.5) {
    const tt = x.tTakeup[c];
    // medicalShockProb
    const medShare = (h.medicalHh[i] * x.fCons[c]) / Math.max(1, incomePc * size);
    const pm = Math.min(x.tMedMax[c], x.tMedBase[c] + x.tMedSlope[c] * medShare);
    const po = belowMarginal ? x.tOther[c] : 0;
    const pd = affected ? x.disEventProb[c] : 0;
    if (x.mc) {
      const em = uniformFn(x.seed, x.rep, i, DRAW_MEDICAL) < pm * tt ? 1 : 0;
      const eo = uniformFn(x.seed, x.rep, i, DRAW_OTHER) < po * tt ? 1 : 0;
      let ed = 0;
      let dAmt = 0;
      if (pd > 0) {
        ed = uniformFn(x.seed, x.rep, i, DRAW_DISASTER) < pd * tt ? 1 : 0;
        dAmt = uniformFn(x.seed, x.rep, i, DRAW_HOUSING) < x.disHousingShare[c] ? x.disAmtHousing[c] : x.disAmtPlain[c];
      }
      events = em + eo + ed;
      tmp = (em * x.medAmt[c] + eo * x.otherAmt[c] + ed * dAmt) * x.staged[c];
    } else {
      events = tt * (pm + po + pd);
      tmp = tt * (pm * x.medAmt[c] + po * x.otherAmt[c] + pd * x.disAmtExpected[c]) * x.staged[c];
    }
  }

  // Expected amounts.
  const base = p * cBase;
  const supp = p * cSupp;
  const tl = p * cTL;
  const tc = p * cTC;
  const special = p * cSpecial;
  const svc = p * cSvc;
  const one = p * cOne + orphanOne;
  const gec = ge * geCost;
  const total = base + supp + tl + tc + gec + special + svc + tmp + one;
  const cash = base + supp + tl + gec + tmp + one;

  const wb = w * share;
  const cells = x.cells;
  const b = c * METRIC_COUNT;
  if (events > 0) {
    cells[b + K_EVENTS] += wb * events;
    cells[b + K_PTIMES] += wb * events * size;
    cells[b + K_TMP] += wb * tmp;
  }
  if (status !== 0 || leaver > 0) {
    if (status !== 0) {
      const wp = wb * p;
      cells[b + K_HH_PROG[status]] += wp;
      cells[b + K_P_PROG[status]] += wp * persons;
      if (status === 1) {
        cells[b + K_BASE] += wb * base;
        cells[b + K_SUPP] += wb * supp;
      } else if (status === 2) {
        cells[b + K_TL] += wb * tl;
        cells[b + K_TC] += wb * tc;
      } else if (status === 3) {
        cells[b + K_MS] += wb * special;
      } else {
        cells[b + K_RS] += wb * special;
      }
      if (svc > 0) {
        cells[b + K_SVC] += wb * svc;
        cells[b + K_SVC_P] += wp * svcPersons;
      }
      if (cashStatus) {
        cells[b + K_ENT_H] += wb * entrant;
        cells[b + K_ENT_P] += wb * entrant * persons;
        cells[b + K_ELIG_H] += wb;
        cells[b + K_ELIG_P] += wb * persons;
        cells[b + K_EXC_H] += wb * (1 - p);
        cells[b + K_EXC_P] += wb * (1 - p) * persons;
      }
    }
    if (leaver > 0) {
      cells[b + K_LEA_H] += wb * leaver;
      cells[b + K_LEA_P] += wb * leaver * size;
      cells[b + K_INC_H] += wb * prevEnrol;
      cells[b + K_INC_P] += wb * prevEnrol * size;
      if (ge > 0) {
        cells[b + K_GE_H] += wb * ge;
        cells[b + K_GE_P] += wb * ge * size;
        cells[b + K_GEC] += wb * gec;
      }
    }
  }
  if (one > 0) {
    cells[b + K_ONE] += wb * one;
    cells[b + K_ONE_P] += wb * (p * onePersons + orphanPersons);
  }
  const monProb = monNotEnrolled ? 1 : Math.min(1, (status !== 0 ? p : 0) + ge);
  if (monProb > 0) {
    cells[b + K_MON_H] += wb * monProb;
    cells[b + K_MON_P] += wb * monProb * size;
  }
  const d = x.decile[i];
  if (cash > 0 && d <= 1) {
    cells[b + K_BOT20] += wb * cash;
    if (d === 0) cells[b + K_BOT10] += wb * cash;
  }

  // Poverty against the fixed baseline line: receiving state (prob q) vs not.
  const line = x.line[c];
  const incM = incomePc / 12;
  const q = cashStatus ? p : ge;
  const condCash = cashStatus ? cBase + cSupp + cTL + cOne : geCost;
  if (incM < line) {
    cells[b + K_PRE_H] += wb * size;
    cells[b + K_PRE_G] += wb * (line - incM) * size * 12;
    const extraM = (tmp + orphanOne) / 12 / size;
    const recvM = incM + extraM + condCash / 12 / size;
    const notM = incM + extraM;
    const poorRecv = recvM < line ? 1 : 0;
    const poorNot = notM < line ? 1 : 0;
    cells[b + K_POST_H] += wb * size * (q * poorRecv + (1 - q) * poorNot);
    cells[b + K_POST_G] += wb * size * 12 * (q * Math.max(0, line - recvM) + (1 - q) * Math.max(0, line - notM));
  }

  const dec = x.dec;
  const db = d * DECILE_METRIC_COUNT;
  dec[db] += wb;
  dec[db + 1] += wb * size;
  if (cash > 0) {
    dec[db + 2] += wb * cash;
    const pEvent = events < 1 ? events : 1;
    const gaining = x.mc ? 1 : orphanOne > 0 ? 1 : 1 - (1 - (condCash > 0 ? q : 0)) * (1 - pEvent);
    dec[db + 3] += wb * gaining;
  }

  const cols = x.cols;
  if (cols !== undefined) {
    if (primary) {
      cols.status[i] = status;
      let f = 0;
      if (tekunOk) f |= FLAG_TEKUN;
      if (dibaoOk || single) f |= FLAG_DIBAO;
      if (marginalOk && !tekunOk && !dibaoOk) f |= FLAG_MARGINAL;
      if (rigidOk) f |= FLAG_RIGID;
      if (assetsOk) f |= FLAG_ASSETS;
      if (monProb >= 0.5) f |= FLAG_MONITORED;
      if (single) f |= FLAG_SINGLE;
      cols.flags[i] |= f;
    }
    const bn = cols.benefit;
    if (add) {
      cols.enrol[i] += share * p;
      cols.entrant[i] += share * entrant;
      cols.leaver[i] += share * leaver;
      cols.gradualExit[i] += share * ge;
      cols.tempEvents[i] += share * events;
      bn.base[i] += share * base;
      bn.supplements[i] += share * supp;
      bn.tekunLiving[i] += share * tl;
      bn.tekunCare[i] += share * tc;
      bn.gradualExit[i] += share * gec;
      bn.marginalSpecial[i] += status === 3 ? share * special : 0;
      bn.rigidSpecial[i] += status === 4 ? share * special : 0;
      bn.temporary[i] += share * tmp;
      bn.services[i] += share * svc;
      bn.oneOff[i] += share * one;
      cols.total[i] += share * total;
    } else {
      cols.enrol[i] = share * p;
      cols.entrant[i] = share * entrant;
      cols.leaver[i] = share * leaver;
      cols.gradualExit[i] = share * ge;
      cols.tempEvents[i] = share * events;
      bn.base[i] = share * base;
      bn.supplements[i] = share * supp;
      bn.tekunLiving[i] = share * tl;
      bn.tekunCare[i] = share * tc;
      bn.gradualExit[i] = share * gec;
      bn.marginalSpecial[i] = status === 3 ? share * special : 0;
      bn.rigidSpecial[i] = status === 4 ? share * special : 0;
      bn.temporary[i] = share * tmp;
      bn.services[i] = share * svc;
      bn.oneOff[i] = share * one;
      cols.total[i] = share * total;
    }
  }
  if (primary) {
    const nx = x.next;
    if (ge > 0 && status === 0) {
      nx.programme[i] = 1;
      nx.enrol[i] = ge;
      nx.gradualExit[i] = 1;
    } else {
      nx.programme[i] = status;
      nx.enrol[i] = p;
      nx.gradualExit[i] = 0;
    }
  }
  x.lastCashQ = cashStatus ? p : 0;
  x.lastTotal = total;
}

function householdColumns(n: number): HouseholdResult {
  const benefit = {} as Record<ComponentId, Float64Array>;
  for (const id of COMPONENT_IDS) benefit[id] = new Float64Array(n);
  return {
    status: new Uint8Array(n),
    flags: new Uint8Array(n),
    enrol: new Float64Array(n),
    entrant: new Float64Array(n),
    leaver: new Float64Array(n),
    gradualExit: new Float64Array(n),
    tempEvents: new Float64Array(n),
    benefit,
    total: new Float64Array(n),
  };
}

/** Simulate one year for every household: aggregates per cell and decile, and (by default) household columns. */
export function simulateYear(
  h: HouseholdArrays,
  regions: RegionArrays,
  params: ResolvedParams,
  options: SimOptions = {},
): YearResult {
  const n = h.count;
  const nCells = regions.count * 2;
  const mc = options.mode === 'mc';
  const P = params.cell;
  const staged = new Float64Array(nCells);
  const medAmt = new Float64Array(nCells);
  const otherAmt = new Float64Array(nCells);
  const disAmtExpected = new Float64Array(nCells);
  const disAmtPlain = new Float64Array(nCells);
  const disAmtHousing = new Float64Array(nCells);
  for (let c = 0; c < nCells; c++) {
    const s = params.standard[c];
    const cap = P['temporary.capMonths'][c];
    const dm = P['disaster.amountMonths'][c];
    const hm = P['disaster.housingMonths'][c];
    staged[c] = stagedShareInYear(P['temporary.stageMonths'][c]);
    medAmt[c] = Math.min(P['temporary.medicalMonths'][c], cap) * s;
    otherAmt[c] = Math.min(P['temporary.otherMonths'][c], cap) * s;
    disAmtExpected[c] = disasterEventMonths(dm, hm, P['disaster.housingLostShare'][c], cap) * s;
    disAmtPlain[c] = disasterEventMonths(dm, hm, 0, cap) * s;
    disAmtHousing[c] = disasterEventMonths(dm, hm, 1, cap) * s;
  }
  const state = options.state;
  const x: Ctx = {
    h,
    mc,
    seed: (options.seed ?? 0) >>> 0,
    rep: (options.replication ?? 0) >>> 0,
    cells: new Float64Array(nCells * METRIC_COUNT),
    dec: new Float64Array(10 * DECILE_METRIC_COUNT),
    decile: options.decile ?? incomeDeciles(h),
    cols: (options.householdColumns ?? true) ? householdColumns(n) : undefined,
    next: { programme: new Uint8Array(n), enrol: new Float64Array(n), gradualExit: new Uint8Array(n) },
    prevProg: state ? state.programme : h.programme,
    prevEnrol: state ? state.enrol : undefined,
    prevGE: state ? state.gradualExit : h.gradualExit,
    std: params.standard,
    line: params.povertyLine,
    fInc: params.incomeFactor,
    fCons: params.consumptionFactor,
    central: params.centralShare,
    incomePrev: regions.incomePrev,
    minWage: regions.minWage,
    staged,
    monRatio: options.monitoringRatio ?? monitoringTargetRatio(h, params, state),
    assetTest: P['dibao.assetTest'],
    assetMonths: P['dibao.assetMonths'],
    carTest: P['dibao.carTest'],
    homeTest: P['dibao.homeTest'],
    maxHomes: P['dibao.maxHomes'],
    disregard: P['dibao.disregardShare'],
    minShare: P['dibao.minBenefitShare'],
    sE: P['dibao.suppElderly'],
    sC: P['dibao.suppChildren'],
    sD: P['dibao.suppDisabled'],
    sI: P['dibao.suppIll'],
    geMonths: P['dibao.gradualExitMonths'],
    geShare: P['dibao.gradualExitBenefitShare'],
    single: P['dibao.singlePerson'],
    tkMult: P['tekun.livingMultiplier'],
    tkCentral: P['tekun.centralisedShare'],
    fullD: P['tekun.careFullDispersed'],
    halfD: P['tekun.careHalfDispersed'],
    selfD: P['tekun.careSelfDispersed'],
    fullC: P['tekun.careFullCentralised'],
    halfC: P['tekun.careHalfCentralised'],
    selfC: P['tekun.careSelfCentralised'],
    margMult: P['marginal.multiplier'],
    margCost: P['marginal.specialCostPc'],
    rigidMult: P['rigid.incomeMultiplier'],
    rigidRatio: P['rigid.ratio'],
    rigidCost: P['rigid.specialCostPc'],
    tTakeup: P['temporary.takeup'],
    tNonLocal: P['temporary.nonLocal'],
    tMedBase: P['temporary.medicalBaseProb'],
    tMedSlope: P['temporary.medicalSlope'],
    tMedMax: P['temporary.medicalMaxProb'],
    tOther: P['temporary.otherProb'],
    medAmt,
    otherAmt,
    svcPilot: P['services.pilot'],
    svcCost: P['services.unitCostPc'],
    svcTakeup: P['services.takeup'],
    oneDibao: P['oneOff.dibaoAmount'],
    oneTekun: P['oneOff.tekunAmount'],
    oneOrphan: P['oneOff.orphanAmount'],
    monMult: P['monitoring.coverageMultiplier'],
    tuMon: P['takeup.monitored'],
    tuUnmon: P['takeup.unmonitored'],
    disEventProb: P['disaster.eventProb'],
    disHousingShare: P['disaster.housingLostShare'],
    disAmtExpected,
    disAmtPlain,
    disAmtHousing,
    lastCashQ: 0.5,
    lastTotal: 0.5,
    argIncome: 0.5,
    argShare: 0.5,
    argWeight: 0.5,
  };
  const affectedShare = P['disaster.affectedShare'];
  const lossShare = P['disaster.incomeLossShare'];
  const lossMonths = P['disaster.durationMonths'];
  const cells = x.cells;
  const dec = x.dec;
  const decile = x.decile;
  const fPop = params.populationFactor;
  const fInc = params.incomeFactor;
  const fCons = params.consumptionFactor;
  const std = params.standard;
  const povertyLine = params.povertyLine;
  const incomePrev = regions.incomePrev;
  const prevProg = x.prevProg;
  const monRatio = x.monRatio;
  const fast = options.fastPath ?? true;
  const disregard = P['dibao.disregardShare'];
  const margMult = P['marginal.multiplier'];
  const rigidMult = P['rigid.incomeMultiplier'];
  const monMult = P['monitoring.coverageMultiplier'];
  const tNonLocal = P['temporary.nonLocal'];
  const tTakeup = P['temporary.takeup'];
  const tMedMax = P['temporary.medicalMaxProb'];
  const tMedBase = P['temporary.medicalBaseProb'];
  const tMedSlope = P['temporary.medicalSlope'];
  const assetTest = P['dibao.assetTest'];
  const assetMonths = P['dibao.assetMonths'];
  const carTest = P['dibao.carTest'];
  const homeTest = P['dibao.homeTest'];
  const maxHomes = P['dibao.maxHomes'];

  for (let i = 0; i < n; i++) {
    const c = (h.region[i] << 1) | h.area[i];
    const w = h.weight[i] * fPop[c];
    const b = c * METRIC_COUNT;
    cells[b + K_SAMPLE] += 1;
    cells[b + K_HH] += w;
    cells[b + K_PERSONS] += w * h.size[i];
    const incomePc = h.incomePc[i] * fInc[c];
    const pa = affectedShare[c];
    if (fast && pa <= 0) {
      // Fast path for households clearly outside every programme (most of the population): same arithmetic as
      // evalBranch with status none, written inline; `fastPath: false` runs evalBranch for all (tests compare).
      const size = h.size[i];
      const s = std[c];
      const earnRaw = h.earningsPc[i] * fInc[c];
      const earnPc = earnRaw < incomePc ? earnRaw : incomePc;
      const disregardHh = Math.min(h.working[i] * disregard[c] * s, (earnPc * size) / 12);
      const countable = incomePc / 12 - disregardHh / size;
      if (
        countable >= margMult[c] * s &&
        prevProg[i] === 0 &&
        h.children[i] < size &&
        incomePc >= rigidMult[c] * (incomePrev[c] * fInc[c])
      ) {
        const ratio = incomePc / 12 / s;
        const monitored = h.monitored[i] > 0 || (monMult[c] > 0 && ratio < monMult[c]) || ratio < monRatio;
        let events = 0;
        let tmp = 0;
        if (h.localHukou[i] > 0 || tNonLocal[c] >= 0.5) {
          const tt = tTakeup[c];
          const medShare = (h.medicalHh[i] * fCons[c]) / Math.max(1, incomePc * size);
          const pm = Math.min(tMedMax[c], tMedBase[c] + tMedSlope[c] * medShare);
          if (mc) {
            events = uniformFn(x.seed, x.rep, i, DRAW_MEDICAL) < pm * tt ? 1 : 0;
            tmp = events * medAmt[c] * staged[c];
          } else {
            events = tt * pm;
            tmp = tt * (pm * medAmt[c]) * staged[c];
          }
        }
        if (events > 0) {
          cells[b + K_EVENTS] += w * events;
          cells[b + K_PTIMES] += w * events * size;
          cells[b + K_TMP] += w * tmp;
        }
        if (monitored) {
          cells[b + K_MON_H] += w;
          cells[b + K_MON_P] += w * size;
        }
        const d = decile[i];
        if (tmp > 0 && d <= 1) {
          cells[b + K_BOT20] += w * tmp;
          if (d === 0) cells[b + K_BOT10] += w * tmp;
        }
        const line = povertyLine[c];
        const incM = incomePc / 12;
        if (incM < line) {
          cells[b + K_PRE_H] += w * size;
          cells[b + K_PRE_G] += w * (line - incM) * size * 12;
          const notM = incM + tmp / 12 / size;
          cells[b + K_POST_H] += w * size * (notM < line ? 1 : 0);
          cells[b + K_POST_G] += w * size * 12 * Math.max(0, line - notM);
        }
        const db = d * DECILE_METRIC_COUNT;
        dec[db] += w;
        dec[db + 1] += w * size;
        if (tmp > 0) {
          dec[db + 2] += w * tmp;
          dec[db + 3] += w * (mc ? 1 : 1 - (1 - (events < 1 ? events : 1)));
        }
        const cols = x.cols;
        if (cols !== undefined) {
          const assetsOk =
            (assetTest[c] < 0.5 || h.assetsPc[i] * fInc[c] <= assetMonths[c] * s) &&
            (carTest[c] < 0.5 || h.car[i] === 0) &&
            (homeTest[c] < 0.5 || h.homes[i] <= maxHomes[c]);
          cols.flags[i] = (assetsOk ? FLAG_ASSETS : 0) | (monitored ? FLAG_MONITORED : 0);
          cols.tempEvents[i] = events;
          cols.benefit.temporary[i] = tmp;
          cols.total[i] = tmp;
        }
        continue;
      }
    }
    if (pa <= 0) {
      x.argIncome = incomePc;
      x.argShare = 1;
      x.argWeight = w;
      evalBranch(x, i, c, false, true, false);
      continue;
    }
    if (x.cols) x.cols.flags[i] = FLAG_DISASTER;
    const incA = disasterIncomePc(incomePc, lossShare[c], lossMonths[c]);
    if (mc) {
      if (uniformFn(x.seed, x.rep, i, DRAW_AFFECTED) >= pa) {
        x.argIncome = incomePc;
        x.argShare = 1;
        x.argWeight = w;
        evalBranch(x, i, c, false, true, false);
        continue;
      }
      x.argIncome = incomePc;
      x.argShare = 0;
      x.argWeight = w;
      evalBranch(x, i, c, false, false, false);
      const totU = x.lastTotal;
      const qU = x.lastCashQ;
      x.argIncome = incA;
      x.argShare = 1;
      x.argWeight = w;
      evalBranch(x, i, c, true, true, true);
      cells[b + K_DIS_AFF] += w;
      cells[b + K_DIS_ADD] += w * (x.lastCashQ - qU);
      cells[b + K_DIS_COST] += w * (x.lastTotal - totU);
    } else {
      x.argIncome = incomePc;
      x.argShare = 1 - pa;
      x.argWeight = w;
      evalBranch(x, i, c, false, pa < 0.5, false);
      const totU = x.lastTotal;
      const qU = x.lastCashQ;
      x.argIncome = incA;
      x.argShare = pa;
      x.argWeight = w;
      evalBranch(x, i, c, true, pa >= 0.5, true);
      cells[b + K_DIS_AFF] += w * pa;
      cells[b + K_DIS_ADD] += w * pa * (x.lastCashQ - qU);
      cells[b + K_DIS_COST] += w * pa * (x.lastTotal - totU);
    }
  }

  // Sums derived per cell after the loop: total and cash by component, central and local shares.
  for (let c = 0; c < nCells; c++) {
    const b = c * METRIC_COUNT;
    const cash =
      cells[b + K_BASE] + cells[b + K_SUPP] + cells[b + K_TL] + cells[b + K_GEC] + cells[b + K_TMP] + cells[b + K_ONE];
    const total = cash + cells[b + K_TC] + cells[b + K_MS] + cells[b + K_RS] + cells[b + K_SVC];
    cells[b + K_CASH] = cash;
    cells[b + K_TOTAL] = total;
    cells[b + K_CENTRAL] = total * params.centralShare[c];
    cells[b + K_LOCAL] = total * (1 - params.centralShare[c]);
  }

  return {
    year: params.year,
    yearIndex: params.yearIndex,
    mode: mc ? 'mc' : 'ev',
    replication: x.rep,
    regionCount: regions.count,
    cells,
    deciles: x.dec,
    priceIndex: params.priceIndex,
    households: x.cols,
    nextState: x.next,
  };
}
