// The kernel: one simulated year over typed arrays, a straight loop with per-cell parameters hoisted into arrays.
// Precedence tekun → dibao → marginal → rigid; take-up, gradual exit, temporary events, services, one-off subsidies,
// monitoring, funding split and the disaster shock (POLICY.md §2–§3). Expected value or one Monte Carlo replication.
import type { HouseholdArrays } from '../model/households.ts';
import type { RegionArrays } from '../model/regions.ts';
import {
  DRAW,
  uniformOfRow as uniformOfRowImported,
  uniformRow as uniformRowImported,
  uniformStream,
} from '../random/counter-hash.ts';
import {
  assessedFactor as assessedFactorImported,
  assessmentNormal as assessmentNormalImported,
} from '../rules/assessed-income.ts';
import {
  dibaoBaseMonthly as dibaoBaseMonthlyImported,
  gradualExitAnnual as gradualExitAnnualImported,
  residenceEligible as residenceEligibleImported,
  singlePersonMembers as singlePersonMembersImported,
  singlePersonMonthly as singlePersonMonthlyImported,
  supplementMonthly as supplementMonthlyImported,
} from '../rules/dibao.ts';
import {
  orphanAllowanceMonthly as orphanAllowanceMonthlyImported,
  orphanOnly as orphanOnlyImported,
  programmeOneOffPersons as programmeOneOffPersonsImported,
  tekunMembers as tekunMembersImported,
} from '../rules/orphan.ts';
import {
  tekunCareMonthly as tekunCareMonthlyImported,
  tekunCentralisedWeight as tekunCentralisedWeightImported,
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
import { incomeDynamics, incomeShock as incomeShockImported } from './dynamics.ts';
import { monitoringTargetRatio } from './monitoring-target.ts';
import type { HouseholdResult, HouseholdState, ResolvedParams, SimOptions, YearResult } from './types.ts';

// Imports used in the hot loop are bound to module constants: loaders and bundlers may wrap imported bindings in
// getters, which would otherwise be called for every household.
const METRIC_COUNT = METRIC_COUNT_IMPORTED;
const DECILE_METRIC_COUNT = DECILE_METRIC_COUNT_IMPORTED;
const uniformRow = uniformRowImported;
const uniformOfRow = uniformOfRowImported;
const assessedFactor = assessedFactorImported;
const assessmentNormal = assessmentNormalImported;
const dibaoBaseMonthly = dibaoBaseMonthlyImported;
const gradualExitAnnual = gradualExitAnnualImported;
const singlePersonMembers = singlePersonMembersImported;
const singlePersonMonthly = singlePersonMonthlyImported;
const supplementMonthly = supplementMonthlyImported;
const tekunCareMonthly = tekunCareMonthlyImported;
const tekunLivingMonthly = tekunLivingMonthlyImported;
const incomeShock = incomeShockImported;
const tekunCentralisedWeight = tekunCentralisedWeightImported;
const orphanAllowanceMonthly = orphanAllowanceMonthlyImported;
const orphanOnly = orphanOnlyImported;
const residenceEligible = residenceEligibleImported;
const programmeOneOffPersons = programmeOneOffPersonsImported;
const tekunMembers = tekunMembersImported;
const DRAW_TAKEUP = DRAW.takeup;
const DRAW_CERTIFY = DRAW.certify;
const DRAW_CERTIFY_YEAR = DRAW.certifyYear;
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
const K_ORA = M['cost.orphanAllowance'];
const K_ORA_P = M['orphans.persons'];
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
const K_T_MISSED = M['targeting.poorMissed'];
const K_T_NONPOOR = M['targeting.nonPoorRecipients'];

// Per-cell parameters the household loop reads, packed into one table (`pc[cell * CELL_STRIDE + P_*]`) so the loop
// holds one array instead of sixty.
const P_ASSET_TEST = 0;
const P_CAR_TEST = 1;
const P_DIS_AMT_EXPECTED = 2;
const P_DIS_AMT_HOUSING = 3;
const P_DIS_AMT_PLAIN = 4;
const P_DIS_EVENT_PROB = 5;
const P_DIS_HOUSING_SHARE = 6;
const P_DISREGARD = 7;
const P_F_CONS = 8;
const P_F_INC = 9;
const P_FULL_C = 10;
const P_FULL_D = 11;
const P_GE_MONTHS = 12;
const P_GE_SHARE = 13;
const P_HALF_C = 14;
const P_HALF_D = 15;
const P_HOME_TEST = 16;
const P_LINE = 17;
const P_MARG_COST = 18;
const P_MAX_HOMES = 19;
const P_MED_AMT = 20;
const P_MIN_SHARE = 21;
const P_TIERS = 22;
const P_MIN_WAGE = 23;
const P_MON_MULT = 24;
const P_ONE_DIBAO = 25;
const P_ONE_ORPHAN = 26;
const P_ONE_TEKUN = 27;
const P_ORPH_INST = 28;
const P_ORPH_DISP = 29;
const P_OTHER_AMT = 30;
const P_RIGID_COST = 31;
const P_RIGID_RATIO = 32;
const P_S_C = 33;
const P_S_D = 34;
const P_S_E = 35;
const P_S_I = 36;
const P_SELF_C = 37;
const P_SELF_D = 38;
const P_SINGLE = 39;
const P_STAGED = 40;
const P_STD = 41;
const P_SVC_COST = 42;
const P_SVC_PILOT = 43;
const P_SVC_TAKEUP = 44;
const P_T_MED_BASE = 45;
const P_T_MED_MAX = 46;
const P_T_MED_SLOPE = 47;
const P_T_NON_LOCAL = 48;
const P_T_OTHER = 49;
const P_T_TAKEUP = 50;
const P_TK_CENTRAL = 51;
const P_TK_MULT = 52;
const P_TU_MON = 53;
const P_TU_UNMON = 54;
const P_CERT_SHARE = 55;
const P_CERT_RATE = 56;
const P_F_POP = 57;
const P_AFFECTED_SHARE = 58;
const P_LOSS_SHARE = 59;
const P_LOSS_MONTHS = 60;
const P_MARG_LIM = 61;
const P_RIGID_LIM = 62;
const P_ASSET_LIM = 63;
const CELL_STRIDE = 64;

function clearColumns(cols: HouseholdResult): HouseholdResult {
  cols.status.fill(0);
  cols.flags.fill(0);
  cols.enrol.fill(0);
  cols.entrant.fill(0);
  cols.leaver.fill(0);
  cols.gradualExit.fill(0);
  cols.tempEvents.fill(0);
  for (const id of COMPONENT_IDS) cols.benefit[id].fill(0);
  cols.total.fill(0);
  return cols;
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

/**
 * Sums derived per cell from the accumulated ones: cash and total cost by component, central and local shares.
 * Run after the household loop, and again after adding up partial results (sharded runs), so they stay exact sums.
 */
export function deriveCellSums(cells: Float64Array, params: ResolvedParams): void {
  const nCells = cells.length / METRIC_COUNT;
  for (let c = 0; c < nCells; c++) {
    const b = c * METRIC_COUNT;
    const cash =
      cells[b + K_BASE] +
      cells[b + K_SUPP] +
      cells[b + K_TL] +
      cells[b + K_GEC] +
      cells[b + K_TMP] +
      cells[b + K_ONE] +
      cells[b + K_ORA];
    const total = cash + cells[b + K_TC] + cells[b + K_MS] + cells[b + K_RS] + cells[b + K_SVC];
    cells[b + K_CASH] = cash;
    cells[b + K_TOTAL] = total;
    cells[b + K_CENTRAL] = total * params.centralShare[c];
    cells[b + K_LOCAL] = total * (1 - params.centralShare[c]);
  }
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
  const seed = (options.seed ?? 0) >>> 0;
  const rep = (options.replication ?? 0) >>> 0;
  // Monte Carlo draws (sim/random/counter-hash.ts `uniform`): the run's stream once, each household's row hash once.
  const stream = uniformStream(seed, rep);
  const rowOffset = options.rowOffset ?? 0;
  const cells = new Float64Array(nCells * METRIC_COUNT);
  const dec = new Float64Array(10 * DECILE_METRIC_COUNT);
  const decile = options.decile ?? incomeDeciles(h);
  const cols =
    (options.householdColumns ?? true)
      ? options.columnsInto && options.columnsInto.total.length === n
        ? clearColumns(options.columnsInto)
        : householdColumns(n)
      : undefined;
  const nextState: HouseholdState | undefined = options.carryState
    ? (options.stateInto ?? {
        programme: new Uint8Array(n),
        enrol: new Float64Array(n),
        gradualExit: new Uint8Array(n),
        shock: new Float32Array(n),
      })
    : undefined;
  const prevProgArr = state ? state.programme : h.programme;
  const prevEnrolArr = state ? state.enrol : undefined;
  const prevGEArr = state ? state.gradualExit : h.gradualExit;
  const assessedA = options.assessed;
  // A Monte Carlo replication draws its own income-shock path (sim/kernel/dynamics.ts).
  const shockPath = mc ? { seed, replication: rep } : undefined;
  const monRatio = options.monitoringRatio ?? monitoringTargetRatio(h, params, state, rowOffset, assessedA, shockPath);
  // Income shocks of projection years (carried years only; sim/kernel/dynamics.ts).
  const dyn = incomeDynamics(params, shockPath);
  const shockFactorA = dyn.on && state !== undefined ? options.shockFactor : undefined;
  const prevShockArr = dyn.on && state !== undefined && shockFactorA === undefined ? state.shock : undefined;
  const yearIndex = params.yearIndex;
  const certifyYearDraw = DRAW_CERTIFY_YEAR + yearIndex;
  const fast = options.fastPath ?? true;
  // Every array the loop reads is a local, so its data pointer and length are loaded once, not per household.
  const hhArea = h.area;
  const hhAssetsPc = h.assetsPc;
  const hhCar = h.car;
  const hhCareFull = h.careFull;
  const hhCareHalf = h.careHalf;
  const hhChildren = h.children;
  const hhDisabled = h.disabled;
  const hhEarningsPc = h.earningsPc;
  const hhEducationHh = h.educationHh;
  const hhElderly = h.elderly;
  const hhHomes = h.homes;
  const hhIll = h.ill;
  const hhIncomePc = h.incomePc;
  const hhLocalHukou = h.localHukou;
  const hhMedicalHh = h.medicalHh;
  const hhMonitored = h.monitored;
  const hhOrphans = h.orphans;
  const hhSupport = h.supportType;
  const hhRegion = h.region;
  const hhRehabHh = h.rehabHh;
  const hhSize = h.size;
  const hhTekunProfile = h.tekunProfile;
  const hhWeight = h.weight;
  const wfA = options.weightFactor;
  const hhWorking = h.working;
  const assetMonthsA = P['dibao.assetMonths'];
  const assetTestA = P['dibao.assetTest'];
  const carTestA = P['dibao.carTest'];
  const disAmtExpectedA = disAmtExpected;
  const disAmtHousingA = disAmtHousing;
  const disAmtPlainA = disAmtPlain;
  const disEventProbA = P['disaster.eventProb'];
  const disHousingShareA = P['disaster.housingLostShare'];
  const disregardA = P['dibao.disregardShare'];
  const fConsA = params.consumptionFactor;
  const fIncA = params.incomeFactor;
  const fullCA = P['tekun.careFullCentralised'];
  const fullDA = P['tekun.careFullDispersed'];
  const geMonthsA = P['dibao.gradualExitMonths'];
  const geShareA = P['dibao.gradualExitBenefitShare'];
  const halfCA = P['tekun.careHalfCentralised'];
  const halfDA = P['tekun.careHalfDispersed'];
  const homeTestA = P['dibao.homeTest'];
  const incomePrevA = regions.incomePrev;
  const lineA = params.povertyLine;
  const margCostA = P['marginal.specialCostPc'];
  const margMultA = P['marginal.multiplier'];
  const maxHomesA = P['dibao.maxHomes'];
  const medAmtA = medAmt;
  const minShareA = P['dibao.minBenefitShare'];
  const tiersA = P['dibao.tiers'];
  const minWageA = regions.minWage;
  const monMultA = P['monitoring.coverageMultiplier'];
  const oneDibaoA = P['oneOff.dibaoAmount'];
  const oneOrphanA = P['oneOff.orphanAmount'];
  const oneTekunA = P['oneOff.tekunAmount'];
  const orphInstA = P['orphan.allowanceInstitutional'];
  const orphDispA = P['orphan.allowanceDispersed'];
  const otherAmtA = otherAmt;
  const rigidCostA = P['rigid.specialCostPc'];
  const rigidMultA = P['rigid.incomeMultiplier'];
  const rigidRatioA = P['rigid.ratio'];
  const sCA = P['dibao.suppChildren'];
  const sDA = P['dibao.suppDisabled'];
  const sEA = P['dibao.suppElderly'];
  const sIA = P['dibao.suppIll'];
  const selfCA = P['tekun.careSelfCentralised'];
  const selfDA = P['tekun.careSelfDispersed'];
  const singleA = P['dibao.singlePerson'];
  const stagedA = staged;
  const stdA = params.standard;
  const svcCostA = P['services.unitCostPc'];
  const svcPilotA = P['services.pilot'];
  const svcTakeupA = P['services.takeup'];
  const tMedBaseA = P['temporary.medicalBaseProb'];
  const tMedMaxA = P['temporary.medicalMaxProb'];
  const tMedSlopeA = P['temporary.medicalSlope'];
  const tNonLocalA = P['temporary.nonLocal'];
  const dNonLocalA = P['dibao.nonLocalHukouEligible'];
  const tOtherA = P['temporary.otherProb'];
  const tTakeupA = P['temporary.takeup'];
  const tkCentralA = P['tekun.centralisedShare'];
  const tkMultA = P['tekun.livingMultiplier'];
  const tuMonA = P['takeup.monitored'];
  const tuUnmonA = P['takeup.unmonitored'];
  const certShareA = P['takeup.certifyShare'];
  const certRateA = P['takeup.certifyRate'];
  const fPopA = params.populationFactor;
  const affectedShareA = P['disaster.affectedShare'];
  const lossShareA = P['disaster.incomeLossShare'];
  const lossMonthsA = P['disaster.durationMonths'];
  const biasA = P['takeup.assessedBias'];
  const noiseA = P['takeup.assessedNoise'];

  // The per-cell table, and three limits that are products of per-cell values (the same products the loop made).
  const cellColumns = [
    assetTestA,
    carTestA,
    disAmtExpectedA,
    disAmtHousingA,
    disAmtPlainA,
    disEventProbA,
    disHousingShareA,
    disregardA,
    fConsA,
    fIncA,
    fullCA,
    fullDA,
    geMonthsA,
    geShareA,
    halfCA,
    halfDA,
    homeTestA,
    lineA,
    margCostA,
    maxHomesA,
    medAmtA,
    minShareA,
    tiersA,
    minWageA,
    monMultA,
    oneDibaoA,
    oneOrphanA,
    oneTekunA,
    orphInstA,
    orphDispA,
    otherAmtA,
    rigidCostA,
    rigidRatioA,
    sCA,
    sDA,
    sEA,
    sIA,
    selfCA,
    selfDA,
    singleA,
    stagedA,
    stdA,
    svcCostA,
    svcPilotA,
    svcTakeupA,
    tMedBaseA,
    tMedMaxA,
    tMedSlopeA,
    tNonLocalA,
    tOtherA,
    tTakeupA,
    tkCentralA,
    tkMultA,
    tuMonA,
    tuUnmonA,
    certShareA,
    certRateA,
    fPopA,
    affectedShareA,
    lossShareA,
    lossMonthsA,
  ];
  const pc = new Float64Array(nCells * CELL_STRIDE);
  for (let c = 0; c < nCells; c++) {
    const o = c * CELL_STRIDE;
    for (let k = 0; k < cellColumns.length; k++) pc[o + k] = cellColumns[k][c];
    pc[o + P_MARG_LIM] = margMultA[c] * stdA[c];
    pc[o + P_RIGID_LIM] = rigidMultA[c] * (incomePrevA[c] * fIncA[c]);
    pc[o + P_ASSET_LIM] = assetMonthsA[c] * stdA[c];
  }

  for (let i = 0; i < n; i++) {
    const c = (hhRegion[i] << 1) | hhArea[i];
    const cp = c * CELL_STRIDE;
    const w = wfA !== undefined ? hhWeight[i] * pc[cp + P_F_POP] * wfA[i] : hhWeight[i] * pc[cp + P_F_POP];
    const b = c * METRIC_COUNT;
    const rowHash = mc ? uniformRow(stream, i + rowOffset) : 0;
    cells[b + K_SAMPLE] += 1;
    cells[b + K_HH] += w;
    cells[b + K_PERSONS] += w * hhSize[i];
    let shockF = 1;
    if (shockFactorA !== undefined) {
      shockF = shockFactorA[i];
    } else if (prevShockArr !== undefined) {
      const e = incomeShock(dyn, prevShockArr[i], i + rowOffset, yearIndex);
      shockF = Math.exp(e - dyn.logMean);
      if (nextState !== undefined) nextState.shock[i] = e;
    } else if (nextState !== undefined) {
      nextState.shock[i] = 0;
    }
    // Survey income (deciles, targeting, poverty) and assessed income (every eligibility test): the error model.
    const surveyBase = hhIncomePc[i] * pc[cp + P_F_INC] * shockF;
    const af =
      assessedA !== undefined
        ? assessedA[i]
        : assessedFactor(assessmentNormal(hhIncomePc[i], hhEarningsPc[i], hhSize[i]), biasA[c], noiseA[c]);
    const incomeBase = surveyBase * af;
    const pa = pc[cp + P_AFFECTED_SHARE];
    if (fast && pa <= 0) {
      const incomePc = incomeBase;
      // Fast path for households clearly outside every programme (most of the population): same arithmetic as
      // the branch loop below with status none; `fastPath: false` sends every household through the branch loop
      // (tests compare both bit for bit).
      const size = hhSize[i];
      const s = pc[cp + P_STD];
      const incM = incomePc / 12;
      // Outside every programme: income at or above the marginal limit (not marginal, not tekun), not enrolled last
      // year, no orphans (cheapest tests first), countable income at or above the standard (not dibao) and failing
      // the rigid-expenditure test: the same comparisons as the branch loop.
      let outside = incM >= pc[cp + P_MARG_LIM] && prevProgArr[i] === 0 && hhOrphans[i] === 0;
      if (outside) {
        // Same value as rules/dibao countableIncomeMonthlyPc; only a disregard or negative earnings change it.
        const dr = pc[cp + P_DISREGARD];
        const earnRaw = hhEarningsPc[i] * pc[cp + P_F_INC] * shockF * af;
        const earnPc = earnRaw < incomePc ? earnRaw : incomePc;
        const countable =
          dr > 0 || earnPc < 0 ? incM - Math.min(hhWorking[i] * dr * s, (earnPc * size) / 12) / size : incM;
        outside =
          countable >= s &&
          !(
            incomePc < pc[cp + P_RIGID_LIM] &&
            (hhMedicalHh[i] + hhEducationHh[i] + hhRehabHh[i]) * pc[cp + P_F_CONS] >
              pc[cp + P_RIGID_RATIO] * incomePc * size
          );
      }
      if (outside) {
        const ratio = incM / s;
        const monitored =
          hhMonitored[i] > 0 || (pc[cp + P_MON_MULT] > 0 && ratio < pc[cp + P_MON_MULT]) || ratio < monRatio;
        let events = 0;
        let tmp = 0;
        if (hhLocalHukou[i] > 0 || pc[cp + P_T_NON_LOCAL] >= 0.5) {
          const tt = pc[cp + P_T_TAKEUP];
          const med = hhMedicalHh[i];
          const medShare = med > 0 ? (med * pc[cp + P_F_CONS]) / Math.max(1, incomePc * size) : 0;
          const pm = Math.min(pc[cp + P_T_MED_MAX], pc[cp + P_T_MED_BASE] + pc[cp + P_T_MED_SLOPE] * medShare);
          if (mc) {
            events = uniformOfRow(rowHash, DRAW_MEDICAL) < pm * tt ? 1 : 0;
            tmp = events * pc[cp + P_MED_AMT] * pc[cp + P_STAGED];
          } else {
            events = tt * pm;
            tmp = tt * (pm * pc[cp + P_MED_AMT]) * pc[cp + P_STAGED];
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
        const line = pc[cp + P_LINE];
        const surveyM = surveyBase / 12;
        if (surveyM < line) {
          cells[b + K_PRE_H] += w * size;
          cells[b + K_PRE_G] += w * (line - surveyM) * size * 12;
          cells[b + K_T_MISSED] += w * size;
          const notM = surveyM + tmp / 12 / size;
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
        const nx = nextState;
        if (nx !== undefined) {
          nx.programme[i] = 0;
          nx.enrol[i] = 0;
          nx.gradualExit[i] = 0;
        }
        if (cols !== undefined) {
          const assetsOk =
            (pc[cp + P_ASSET_TEST] < 0.5 || hhAssetsPc[i] * pc[cp + P_F_INC] <= pc[cp + P_ASSET_LIM]) &&
            (pc[cp + P_CAR_TEST] < 0.5 || hhCar[i] === 0) &&
            (pc[cp + P_HOME_TEST] < 0.5 || hhHomes[i] <= pc[cp + P_MAX_HOMES]);
          cols.flags[i] = (assetsOk ? FLAG_ASSETS : 0) | (monitored ? FLAG_MONITORED : 0);
          cols.tempEvents[i] = events;
          cols.benefit.temporary[i] = tmp;
          cols.total[i] = tmp;
        }
        continue;
      }
    }
    // Branches: the household unaffected and, in a disaster region, affected (EV: both, weighted by the affected
    // share; MC: one drawn, with the unaffected branch evaluated at share 0 as the counterfactual).
    let nBranches = 1;
    let shareU = 1;
    let primaryU = true;
    if (pa > 0) {
      if (cols !== undefined) cols.flags[i] = FLAG_DISASTER;
      if (!mc) {
        nBranches = 2;
        shareU = 1 - pa;
        primaryU = pa < 0.5;
      } else if (uniformOfRow(rowHash, DRAW_AFFECTED) < pa) {
        nBranches = 2;
        shareU = 0;
        primaryU = false;
      }
    }
    let totU = 0;
    let qU = 0;
    // The arithmetic below is written inline (hot path) and mirrors the pure functions in `sim/rules/`, which the
    // trace shows; golden and trace tests assert both give the same amounts.
    for (let br = 0; br < nBranches; br++) {
      const affected = br === 1;
      const share = affected ? (mc ? 1 : pa) : shareU;
      const primary = affected ? !primaryU : primaryU;
      const add = affected;
      const incomePc = affected
        ? disasterIncomePc(incomeBase, pc[cp + P_LOSS_SHARE], pc[cp + P_LOSS_MONTHS])
        : incomeBase;
      const surveyPc = affected
        ? disasterIncomePc(surveyBase, pc[cp + P_LOSS_SHARE], pc[cp + P_LOSS_MONTHS])
        : surveyBase;
      const size = hhSize[i];
      const s = pc[cp + P_STD];
      const fInc = pc[cp + P_F_INC];
      const earnRaw = hhEarningsPc[i] * fInc * shockF * af;
      const earnPc = earnRaw < incomePc ? earnRaw : incomePc;
      const working = hhWorking[i];
      // countableIncomeMonthlyPc
      const incM = incomePc / 12;
      const dr = pc[cp + P_DISREGARD];
      const countable = dr > 0 || earnPc < 0 ? incM - Math.min(working * dr * s, (earnPc * size) / 12) / size : incM;
      // assetTestPasses, carTestPasses, homeTestPasses
      const assetsOk =
        (pc[cp + P_ASSET_TEST] < 0.5 || hhAssetsPc[i] * fInc <= pc[cp + P_ASSET_LIM]) &&
        (pc[cp + P_CAR_TEST] < 0.5 || hhCar[i] === 0) &&
        (pc[cp + P_HOME_TEST] < 0.5 || hhHomes[i] <= pc[cp + P_MAX_HOMES]);
      // Dibao tests countable income (§2.1); tekun and marginal test income per capita as §2.2–2.3 word them.
      // A household of orphans only is supported by the orphan allowance instead (rules/orphan.ts).
      const belowMarginal = incM < pc[cp + P_MARG_LIM];
      const orphans = hhOrphans[i];
      // Assessed here: not orphans only, and local or where non-local residents may apply (rules/dibao.ts).
      const assessable =
        (orphans === 0 || !orphanOnly(orphans, size)) && residenceEligible(hhLocalHukou[i], dNonLocalA[c]);
      const tekunOk = hhTekunProfile[i] > 0 && incM < s && assessable;
      const dibaoOk = countable < s && assetsOk && assessable;
      const marginalOk = assetsOk && belowMarginal && assessable;
      let rigidOk = false;
      if (assetsOk && !tekunOk && !dibaoOk && !marginalOk && assessable) {
        const rigidSpend = (hhMedicalHh[i] + hhEducationHh[i] + hhRehabHh[i]) * pc[cp + P_F_CONS];
        rigidOk = incomePc < pc[cp + P_RIGID_LIM] && rigidSpend > pc[cp + P_RIGID_RATIO] * incomePc * size;
      }
      let status = tekunOk ? 2 : dibaoOk ? 1 : 0;
      let single = false;
      if (status === 0 && marginalOk && pc[cp + P_SINGLE] >= 0.5 && (hhIll[i] > 0 || hhDisabled[i] > 0)) {
        status = 1;
        single = true;
      }
      if (status === 0) status = marginalOk ? 3 : rigidOk ? 4 : 0;
      const cashStatus = status === 1 || status === 2;

      // Take-up and transitions (§3.2).
      const prevProg = prevProgArr[i];
      const prevEnrol = prevEnrolArr !== undefined ? prevEnrolArr[i] : prevProg !== 0 ? 1 : 0;
      const cashPrev = prevProg === 1 || prevProg === 2;
      const ratio = incM / s;
      const widened = (pc[cp + P_MON_MULT] > 0 && ratio < pc[cp + P_MON_MULT]) || ratio < monRatio;
      // In the platform (§2.8): flagged, in any programme already, or reached by widening.
      const monNotEnrolled = hhMonitored[i] > 0 || prevProg !== 0 || widened;
      let p = 0;
      let entrant = 0;
      if (status !== 0) {
        const famNow = cashStatus ? 1 : 2;
        const famPrev = cashPrev ? 1 : prevProg === 3 || prevProg === 4 ? 2 : 0;
        const same = famNow === famPrev;
        if (cashStatus) {
          // Dibao/tekun take-up: one persistent draw per household (the same in every year), so a household that
          // stayed eligible and did not enrol is not drawn again; only a higher take-up this year reaches it
          // (EV: max(last year's probability, take-up)).
          const tu = monNotEnrolled ? pc[cp + P_TU_MON] : pc[cp + P_TU_UNMON];
          if (mc) {
            const drawn = uniformOfRow(rowHash, DRAW_TAKEUP) < tu ? 1 : 0;
            const stayed = same && prevEnrol >= 0.5 ? 1 : 0;
            p = stayed === 1 ? 1 : drawn;
            entrant = p - stayed;
          } else if (same) {
            p = prevEnrol > tu ? prevEnrol : tu;
            entrant = p - prevEnrol;
          } else {
            p = tu;
            entrant = p;
          }
        } else {
          // Marginal/rigid certification: a household that will be certified (share C, persistent draw) completes
          // certification at rate h a year while eligible, so new certifications phase in:
          // EV p(t) = p(t−1) + h (C − p(t−1)), first year h·C; already certified households stay certified.
          const cs = pc[cp + P_CERT_SHARE];
          const cr = pc[cp + P_CERT_RATE];
          if (mc) {
            const stayed = same && prevEnrol >= 0.5;
            p =
              stayed || (uniformOfRow(rowHash, DRAW_CERTIFY) < cs && uniformOfRow(rowHash, certifyYearDraw) < cr)
                ? 1
                : 0;
          } else if (same) {
            const next = prevEnrol + cr * (cs - prevEnrol);
            p = next > prevEnrol ? next : prevEnrol;
          } else {
            p = cr * cs;
          }
        }
      }
      let leaver = 0;
      let ge = 0;
      if (cashPrev && !cashStatus) {
        leaver = prevEnrol;
        // gradualExitApplies
        if (prevProg === 1 && pc[cp + P_GE_MONTHS] > 0 && working > 0 && earnPc > 0 && prevGEArr[i] === 0)
          ge = prevEnrol;
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
          persons = singlePersonMembers(size, hhDisabled[i], hhIll[i]);
          const total = singlePersonMonthly(s, persons, hhDisabled[i], hhIll[i], pc[cp + P_S_D], pc[cp + P_S_I]) * 12;
          cBase = persons * s * 12;
          cSupp = total - cBase;
        } else {
          cBase = dibaoBaseMonthly(s, countable, size, pc[cp + P_MIN_SHARE], pc[cp + P_TIERS]) * 12;
          cSupp =
            supplementMonthly(
              s,
              size,
              hhElderly[i],
              hhChildren[i],
              hhDisabled[i],
              hhIll[i],
              pc[cp + P_S_E],
              pc[cp + P_S_C],
              pc[cp + P_S_D],
              pc[cp + P_S_I],
            ) * 12;
        }
        // Orphans get the orphan one-off instead (one one-off per person).
        onePersons = pc[cp + P_ONE_DIBAO] > 0 ? programmeOneOffPersons(persons, orphans) : 0;
        cOne = pc[cp + P_ONE_DIBAO] * onePersons;
      } else if (status === 2) {
        // Orphan members are covered by the orphan allowance, not by tekun support.
        persons = tekunMembers(size, orphans);
        cTL = tekunLivingMonthly(s, pc[cp + P_TK_MULT], persons) * 12;
        cTC =
          tekunCareMonthly(
            pc[cp + P_MIN_WAGE],
            persons,
            hhCareFull[i],
            hhCareHalf[i],
            tekunCentralisedWeight(hhSupport[i], pc[cp + P_TK_CENTRAL]),
            pc[cp + P_FULL_D],
            pc[cp + P_HALF_D],
            pc[cp + P_SELF_D],
            pc[cp + P_FULL_C],
            pc[cp + P_HALF_C],
            pc[cp + P_SELF_C],
          ) * 12;
        cOne = pc[cp + P_ONE_TEKUN] * persons;
        onePersons = pc[cp + P_ONE_TEKUN] > 0 ? persons : 0;
      } else if (status === 3) {
        cSpecial = pc[cp + P_MARG_COST] * size;
      } else if (status === 4) {
        cSpecial = pc[cp + P_RIGID_COST] * size;
      }
      if (status >= 1 && status <= 3 && pc[cp + P_SVC_PILOT] >= 0.5) {
        svcPersons = Math.min(size, hhCareFull[i] + hhCareHalf[i]) * pc[cp + P_SVC_TAKEUP];
        cSvc = svcPersons * pc[cp + P_SVC_COST];
      }
      // Orphans get the orphan one-off subsidy and the orphan basic living allowance whatever the household's
      // programme (recognised orphans: take-up 1).
      let orphanOne = 0;
      let orphanPersons = 0;
      let orphanAllow = 0;
      if (orphans > 0) {
        if (pc[cp + P_ONE_ORPHAN] > 0) {
          orphanPersons = orphans;
          orphanOne = pc[cp + P_ONE_ORPHAN] * orphans;
        }
        orphanAllow = orphanAllowanceMonthly(orphans, hhSupport[i], pc[cp + P_ORPH_INST], pc[cp + P_ORPH_DISP]) * 12;
      }
      const geCost = ge > 0 ? gradualExitAnnual(pc[cp + P_GE_MONTHS], pc[cp + P_GE_SHARE], s, size) : 0;

      // Temporary assistance events (§2.5) and disaster events (§3.5); amounts per event precomputed per cell.
      let events = 0;
      let tmp = 0;
      if (hhLocalHukou[i] > 0 || pc[cp + P_T_NON_LOCAL] >= 0.5) {
        const tt = pc[cp + P_T_TAKEUP];
        // medicalShockProb
        const med = hhMedicalHh[i];
        const medShare = med > 0 ? (med * pc[cp + P_F_CONS]) / Math.max(1, incomePc * size) : 0;
        const pm = Math.min(pc[cp + P_T_MED_MAX], pc[cp + P_T_MED_BASE] + pc[cp + P_T_MED_SLOPE] * medShare);
        const po = belowMarginal ? pc[cp + P_T_OTHER] : 0;
        const pd = affected ? pc[cp + P_DIS_EVENT_PROB] : 0;
        if (mc) {
          const em = uniformOfRow(rowHash, DRAW_MEDICAL) < pm * tt ? 1 : 0;
          const eo = uniformOfRow(rowHash, DRAW_OTHER) < po * tt ? 1 : 0;
          let ed = 0;
          let dAmt = 0;
          if (pd > 0) {
            ed = uniformOfRow(rowHash, DRAW_DISASTER) < pd * tt ? 1 : 0;
            dAmt =
              uniformOfRow(rowHash, DRAW_HOUSING) < pc[cp + P_DIS_HOUSING_SHARE]
                ? pc[cp + P_DIS_AMT_HOUSING]
                : pc[cp + P_DIS_AMT_PLAIN];
          }
          events = em + eo + ed;
          tmp = (em * pc[cp + P_MED_AMT] + eo * pc[cp + P_OTHER_AMT] + ed * dAmt) * pc[cp + P_STAGED];
        } else {
          events = tt * (pm + po + pd);
          tmp =
            tt *
            (pm * pc[cp + P_MED_AMT] + po * pc[cp + P_OTHER_AMT] + pd * pc[cp + P_DIS_AMT_EXPECTED]) *
            pc[cp + P_STAGED];
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
      const total = base + supp + tl + tc + gec + special + svc + tmp + one + orphanAllow;
      const cash = base + supp + tl + gec + tmp + one + orphanAllow;

      const wb = w * share;
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
      if (orphanAllow > 0) {
        cells[b + K_ORA] += wb * orphanAllow;
        cells[b + K_ORA_P] += wb * orphans;
      }
      const monProb = monNotEnrolled ? 1 : Math.min(1, (status !== 0 ? p : 0) + ge);
      if (monProb > 0) {
        cells[b + K_MON_H] += wb * monProb;
        cells[b + K_MON_P] += wb * monProb * size;
      }
      const d = decile[i];
      if (cash > 0 && d <= 1) {
        cells[b + K_BOT20] += wb * cash;
        if (d === 0) cells[b + K_BOT10] += wb * cash;
      }

      // Poverty against the fixed baseline line: receiving state (prob q) vs not.
      const line = pc[cp + P_LINE];
      const q = cashStatus ? p : ge;
      const condCash = cashStatus ? cBase + cSupp + cTL + cOne : geCost;
      const surveyM = surveyPc / 12;
      if (surveyM < line) {
        cells[b + K_PRE_H] += wb * size;
        cells[b + K_PRE_G] += wb * (line - surveyM) * size * 12;
        cells[b + K_T_MISSED] += wb * size * (1 - (cashStatus ? p : 0));
        const extraM = (tmp + orphanOne + orphanAllow) / 12 / size;
        const recvM = surveyM + extraM + condCash / 12 / size;
        const notM = surveyM + extraM;
        const poorRecv = recvM < line ? 1 : 0;
        const poorNot = notM < line ? 1 : 0;
        cells[b + K_POST_H] += wb * size * (q * poorRecv + (1 - q) * poorNot);
        cells[b + K_POST_G] += wb * size * 12 * (q * Math.max(0, line - recvM) + (1 - q) * Math.max(0, line - notM));
      } else if (cashStatus) {
        cells[b + K_T_NONPOOR] += wb * p * persons;
      }

      const db = d * DECILE_METRIC_COUNT;
      dec[db] += wb;
      dec[db + 1] += wb * size;
      if (cash > 0) {
        dec[db + 2] += wb * cash;
        const pEvent = events < 1 ? events : 1;
        const gaining = mc ? 1 : orphanOne + orphanAllow > 0 ? 1 : 1 - (1 - (condCash > 0 ? q : 0)) * (1 - pEvent);
        dec[db + 3] += wb * gaining;
      }

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
          bn.orphanAllowance[i] += share * orphanAllow;
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
          bn.orphanAllowance[i] = share * orphanAllow;
          cols.total[i] = share * total;
        }
      }
      const nx = nextState;
      if (primary && nx !== undefined) {
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
      const lastCashQ = cashStatus ? p : 0;
      const lastTotal = total;

      if (affected) {
        const wd = mc ? w : w * pa;
        cells[b + K_DIS_AFF] += wd;
        cells[b + K_DIS_ADD] += wd * (lastCashQ - qU);
        cells[b + K_DIS_COST] += wd * (lastTotal - totU);
      } else {
        totU = lastTotal;
        qU = lastCashQ;
      }
    }
  }

  deriveCellSums(cells, params);

  return {
    year: params.year,
    yearIndex: params.yearIndex,
    mode: mc ? 'mc' : 'ev',
    replication: rep,
    regionCount: regions.count,
    cells,
    deciles: dec,
    priceIndex: params.priceIndex,
    standard: params.standard,
    households: cols,
    ...(nextState ? { nextState } : {}),
  };
}
