// The kernel: one simulated year over typed arrays, a straight loop with per-cell parameters hoisted into arrays.
// Precedence tekun → dibao → marginal → rigid; take-up, gradual exit, temporary events, services, one-off subsidies,
// monitoring, funding split and the disaster shock (POLICY.md §2–§3). Expected value or one Monte Carlo replication.
import type { HouseholdArrays } from '../model/households.ts';
import type { RegionArrays } from '../model/regions.ts';
import { DRAW, uniform } from '../random/counter-hash.ts';
import {
  assetTestPasses,
  carTestPasses,
  countableIncomeMonthlyPc,
  dibaoBaseMonthly,
  gradualExitAnnual,
  gradualExitApplies,
  homeTestPasses,
  singlePersonMembers,
  singlePersonMonthly,
  supplementMonthly,
} from '../rules/dibao.ts';
import { marginalIncomeTest, rigidIncomeTest, rigidSpendingTest } from '../rules/low-income.ts';
import { tekunCareMonthly, tekunEligible, tekunLivingMonthly } from '../rules/tekun.ts';
import {
  disasterEventMonths,
  disasterIncomePc,
  eventAmount,
  medicalShockProb,
  stagedShareInYear,
} from '../rules/temporary.ts';
import { COMPONENT_IDS, DECILE_METRIC_COUNT, FLAG, M, METRIC_COUNT } from './metrics.ts';
import type { ComponentId } from './metrics.ts';
import { incomeDeciles } from './deciles.ts';
import { monitoringTargetRatio } from './monitoring-target.ts';
import type { HouseholdResult, HouseholdState, ResolvedParams, SimOptions, YearResult } from './types.ts';

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
  tMedMonths: Float64Array;
  tOtherMonths: Float64Array;
  tCap: Float64Array;
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
  disAmount: Float64Array;
  disHousingMonths: Float64Array;
  disHousingShare: Float64Array;
  /** Set by evalBranch: probability/indicator of receiving cash assistance in the branch just evaluated. */
  lastCashQ: number;
}

function family(programme: number): number {
  return programme === 1 || programme === 2 ? 1 : programme === 3 || programme === 4 ? 2 : 0;
}

/**
 * Evaluate household i in one branch (unaffected, or affected by the disaster) with branch share `share`, accumulating
 * weighted sums with weight w × share and adding share × value into the household columns. Returns the household's
 * expected total benefit (yuan/year) in this branch.
 */
function evalBranch(x: Ctx, i: number, c: number, incomePc: number, affected: boolean, share: number, w: number, primary: boolean): number {
  const h = x.h;
  const size = h.size[i];
  const s = x.std[c];
  const earnPc = Math.min(h.earningsPc[i] * x.fInc[c], incomePc);
  const assetsPc = h.assetsPc[i] * x.fInc[c];
  const countable = countableIncomeMonthlyPc(incomePc, earnPc, size, h.working[i], x.disregard[c], s);
  const assetsOk =
    assetTestPasses(assetsPc, x.assetMonths[c], s, x.assetTest[c]) &&
    carTestPasses(h.car[i], x.carTest[c]) &&
    homeTestPasses(h.homes[i], x.maxHomes[c], x.homeTest[c]);
  const tekunOk = tekunEligible(h.tekunProfile[i], countable, s);
  const dibaoOk = countable < s && assetsOk;
  const marginalOk = assetsOk && marginalIncomeTest(countable, s, x.margMult[c]);
  const rigidSpend = (h.medicalHh[i] + h.educationHh[i] + h.rehabHh[i]) * x.fCons[c];
  const rigidOk =
    assetsOk &&
    rigidIncomeTest(incomePc, x.incomePrev[c] * x.fInc[c], x.rigidMult[c]) &&
    rigidSpendingTest(rigidSpend, incomePc, size, x.rigidRatio[c]);

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
  const prevEnrol = x.prevEnrol ? x.prevEnrol[i] : prevProg !== 0 ? 1 : 0;
  const cashPrev = prevProg === 1 || prevProg === 2;
  const ratio = incomePc / 12 / s;
  const widened = (x.monMult[c] > 0 && ratio < x.monMult[c]) || ratio < x.monRatio;
  const monNotEnrolled = h.monitored[i] > 0 || widened;
  const tu = monNotEnrolled ? x.tuMon[c] : x.tuUnmon[c];
  const uTake = x.mc ? uniform(x.seed, x.rep, i, DRAW.takeup) : 0;
  let p = 0;
  let entrant = 0;
  if (status !== 0) {
    if (family(status) === family(prevProg)) {
      p = x.mc ? (prevEnrol >= 0.5 ? 1 : uTake < tu ? 1 : 0) : prevEnrol + (1 - prevEnrol) * tu;
      entrant = p - (x.mc ? (prevEnrol >= 0.5 ? 1 : 0) : prevEnrol);
    } else {
      p = x.mc ? (uTake < tu ? 1 : 0) : tu;
      entrant = p;
    }
    if (!cashStatus) entrant = 0;
  }
  let leaver = 0;
  let ge = 0;
  if (cashPrev && !cashStatus) {
    leaver = prevEnrol;
    if (prevProg === 1 && gradualExitApplies(h.working[i], earnPc, x.geMonths[c], x.prevGE[i])) ge = prevEnrol;
  }

  // Conditional (if enrolled) annual amounts.
  let persons = size;
  let cBase = 0;
  let cSupp = 0;
  let cTL = 0;
  let cTC = 0;
  let cMS = 0;
  let cRS = 0;
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
        supplementMonthly(s, size, h.elderly[i], h.children[i], h.disabled[i], h.ill[i], x.sE[c], x.sC[c], x.sD[c], x.sI[c]) *
        12;
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
    cMS = x.margCost[c] * size;
  } else if (status === 4) {
    cRS = x.rigidCost[c] * size;
  }
  if (status >= 1 && status <= 3 && x.svcPilot[c] >= 0.5) {
    const needing = Math.min(size, h.careFull[i] + h.careHalf[i]);
    svcPersons = needing * x.svcTakeup[c];
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

  // Temporary assistance events (§2.5) and disaster events (§3.5).
  let events = 0;
  let tmp = 0;
  if (h.localHukou[i] > 0 || x.tNonLocal[c] >= 0.5) {
    const tt = x.tTakeup[c];
    const cap = x.tCap[c];
    const pm = medicalShockProb(h.medicalHh[i] * x.fCons[c], incomePc, size, x.tMedBase[c], x.tMedSlope[c], x.tMedMax[c]);
    const po = marginalIncomeTest(countable, s, x.margMult[c]) ? x.tOther[c] : 0;
    const pd = affected ? x.disEventProb[c] : 0;
    const aMed = eventAmount(x.tMedMonths[c], cap, s);
    const aOther = eventAmount(x.tOtherMonths[c], cap, s);
    if (x.mc) {
      const em = uniform(x.seed, x.rep, i, DRAW.medical) < pm * tt ? 1 : 0;
      const eo = uniform(x.seed, x.rep, i, DRAW.other) < po * tt ? 1 : 0;
      const ed = uniform(x.seed, x.rep, i, DRAW.disaster) < pd * tt ? 1 : 0;
      const housing = uniform(x.seed, x.rep, i, DRAW.housing) < x.disHousingShare[c] ? 1 : 0;
      events = em + eo + ed;
      const dMonths = disasterEventMonths(x.disAmount[c], x.disHousingMonths[c], housing, cap);
      tmp = (em * aMed + eo * aOther + ed * dMonths * s) * x.staged[c];
    } else {
      events = tt * (pm + po + pd);
      const dMonths = disasterEventMonths(x.disAmount[c], x.disHousingMonths[c], x.disHousingShare[c], cap);
      tmp = tt * (pm * aMed + po * aOther + pd * dMonths * s) * x.staged[c];
    }
  }

  // Expected amounts.
  const base = p * cBase;
  const supp = p * cSupp;
  const tl = p * cTL;
  const tc = p * cTC;
  const ms = p * cMS;
  const rs = p * cRS;
  const svc = p * cSvc;
  const one = p * cOne + orphanOne;
  const gec = ge * geCost;
  const total = base + supp + tl + tc + gec + ms + rs + tmp + svc + one;
  const cash = base + supp + tl + gec + tmp + one;

  const wb = w * share;
  const cells = x.cells;
  const b = c * METRIC_COUNT;
  if (status !== 0) {
    cells[b + K_HH_PROG[status]] += wb * p;
    cells[b + K_P_PROG[status]] += wb * p * persons;
  }
  cells[b + K_ENT_H] += wb * entrant;
  cells[b + K_ENT_P] += wb * entrant * persons;
  cells[b + K_LEA_H] += wb * leaver;
  cells[b + K_LEA_P] += wb * leaver * size;
  cells[b + K_GE_H] += wb * ge;
  cells[b + K_GE_P] += wb * ge * size;
  cells[b + K_BASE] += wb * base;
  cells[b + K_SUPP] += wb * supp;
  cells[b + K_TL] += wb * tl;
  cells[b + K_TC] += wb * tc;
  cells[b + K_GEC] += wb * gec;
  cells[b + K_MS] += wb * ms;
  cells[b + K_RS] += wb * rs;
  cells[b + K_TMP] += wb * tmp;
  cells[b + K_SVC] += wb * svc;
  cells[b + K_ONE] += wb * one;
  cells[b + K_TOTAL] += wb * total;
  cells[b + K_CENTRAL] += wb * total * x.central[c];
  cells[b + K_LOCAL] += wb * total * (1 - x.central[c]);
  cells[b + K_EVENTS] += wb * events;
  cells[b + K_PTIMES] += wb * events * size;
  cells[b + K_SVC_P] += wb * p * svcPersons;
  cells[b + K_ONE_P] += wb * (p * onePersons + orphanPersons);
  const enrolledAny = status !== 0 ? p : 0;
  const monProb = monNotEnrolled ? 1 : Math.min(1, enrolledAny + ge);
  cells[b + K_MON_H] += wb * monProb;
  cells[b + K_MON_P] += wb * monProb * size;
  if (cashStatus) {
    cells[b + K_ELIG_H] += wb;
    cells[b + K_ELIG_P] += wb * persons;
    cells[b + K_EXC_H] += wb * (1 - p);
    cells[b + K_EXC_P] += wb * (1 - p) * persons;
  } else if (cashPrev) {
    cells[b + K_INC_H] += wb * prevEnrol;
    cells[b + K_INC_P] += wb * prevEnrol * size;
  }
  const d = x.decile[i];
  cells[b + K_CASH] += wb * cash;
  if (d === 0) cells[b + K_BOT10] += wb * cash;
  if (d <= 1) cells[b + K_BOT20] += wb * cash;

  // Poverty against the fixed baseline line: receiving state (prob q) vs not.
  const q = cashStatus ? p : ge;
  const condCash = cashStatus ? cBase + cSupp + cTL + cOne : geCost;
  const line = x.line[c];
  const incM = incomePc / 12;
  const extraM = (tmp + orphanOne) / 12 / size;
  const recvM = incM + extraM + condCash / 12 / size;
  const notM = incM + extraM;
  if (incM < line) {
    cells[b + K_PRE_H] += wb * size;
    cells[b + K_PRE_G] += wb * (line - incM) * size * 12;
  }
  const poorRecv = recvM < line ? 1 : 0;
  const poorNot = notM < line ? 1 : 0;
  cells[b + K_POST_H] += wb * size * (q * poorRecv + (1 - q) * poorNot);
  cells[b + K_POST_G] +=
    wb * size * 12 * (q * Math.max(0, line - recvM) + (1 - q) * Math.max(0, line - notM));

  const dec = x.dec;
  const db = d * DECILE_METRIC_COUNT;
  dec[db] += wb;
  dec[db + 1] += wb * size;
  dec[db + 2] += wb * cash;
  const gaining = x.mc ? (cash > 0 ? 1 : 0) : condCash > 0 || events > 0 || orphanOne > 0 ? 1 - (1 - (condCash > 0 ? q : 0)) * (1 - Math.min(1, events)) * (orphanOne > 0 ? 0 : 1) : 0;
  dec[db + 3] += wb * gaining;

  const cols = x.cols;
  if (cols) {
    if (primary) {
      cols.status[i] = status;
      let f = 0;
      if (tekunOk) f |= FLAG.eligTekun;
      if (dibaoOk || single) f |= FLAG.eligDibao;
      if (marginalOk && !tekunOk && !dibaoOk) f |= FLAG.eligMarginal;
      if (rigidOk && !tekunOk && !dibaoOk && !marginalOk) f |= FLAG.eligRigid;
      if (assetsOk) f |= FLAG.assetsPass;
      if (monProb >= 0.5) f |= FLAG.monitored;
      if (single) f |= FLAG.singlePerson;
      cols.flags[i] |= f;
    }
    cols.enrol[i] += share * p;
    cols.entrant[i] += share * entrant;
    cols.leaver[i] += share * leaver;
    cols.gradualExit[i] += share * ge;
    cols.tempEvents[i] += share * events;
    const bn = cols.benefit;
    bn.base[i] += share * base;
    bn.supplements[i] += share * supp;
    bn.tekunLiving[i] += share * tl;
    bn.tekunCare[i] += share * tc;
    bn.gradualExit[i] += share * gec;
    bn.marginalSpecial[i] += share * ms;
    bn.rigidSpecial[i] += share * rs;
    bn.temporary[i] += share * tmp;
    bn.services[i] += share * svc;
    bn.oneOff[i] += share * one;
    cols.total[i] += share * total;
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
  return total;
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
  for (let c = 0; c < nCells; c++) staged[c] = stagedShareInYear(P['temporary.stageMonths'][c]);
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
    tMedMonths: P['temporary.medicalMonths'],
    tOtherMonths: P['temporary.otherMonths'],
    tCap: P['temporary.capMonths'],
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
    disAmount: P['disaster.amountMonths'],
    disHousingMonths: P['disaster.housingMonths'],
    disHousingShare: P['disaster.housingLostShare'],
    lastCashQ: 0,
  };
  const affectedShare = P['disaster.affectedShare'];
  const lossShare = P['disaster.incomeLossShare'];
  const lossMonths = P['disaster.durationMonths'];
  const cells = x.cells;
  const fPop = params.populationFactor;
  const fInc = params.incomeFactor;

  for (let i = 0; i < n; i++) {
    const c = h.region[i] * 2 + h.area[i];
    const w = h.weight[i] * fPop[c];
    const b = c * METRIC_COUNT;
    cells[b + K_SAMPLE] += 1;
    cells[b + K_HH] += w;
    cells[b + K_PERSONS] += w * h.size[i];
    const incomePc = h.incomePc[i] * fInc[c];
    const pa = affectedShare[c];
    if (pa <= 0) {
      evalBranch(x, i, c, incomePc, false, 1, w, true);
      continue;
    }
    if (x.cols) x.cols.flags[i] = FLAG.disasterRegion;
    const incA = disasterIncomePc(incomePc, lossShare[c], lossMonths[c]);
    if (mc) {
      const hit = uniform(x.seed, x.rep, i, DRAW.affected) < pa;
      if (!hit) {
        evalBranch(x, i, c, incomePc, false, 1, w, true);
        continue;
      }
      const totU = evalBranch(x, i, c, incomePc, false, 0, w, false);
      const qU = x.lastCashQ;
      const totA = evalBranch(x, i, c, incA, true, 1, w, true);
      cells[b + K_DIS_AFF] += w;
      cells[b + K_DIS_ADD] += w * (x.lastCashQ - qU);
      cells[b + K_DIS_COST] += w * (totA - totU);
    } else {
      const totU = evalBranch(x, i, c, incomePc, false, 1 - pa, w, pa < 0.5);
      const qU = x.lastCashQ;
      const totA = evalBranch(x, i, c, incA, true, pa, w, pa >= 0.5);
      cells[b + K_DIS_AFF] += w * pa;
      cells[b + K_DIS_ADD] += w * pa * (x.lastCashQ - qU);
      cells[b + K_DIS_COST] += w * pa * (totA - totU);
    }
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
