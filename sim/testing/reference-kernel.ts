// Test oracle: the kernel as it was before the per-dataset precomputation (issue #15), kept verbatim so tests can check
// the optimised kernel (sim/kernel/simulate-year.ts) gives the same bits. Not imported by the app or the CLI.
import type { HouseholdArrays } from '../model/households.ts';
import type { RegionArrays } from '../model/regions.ts';
import { DRAW, uniform as uniformImported } from '../random/counter-hash.ts';
import {
  assessedFactor as assessedFactorImported,
  assessmentNormal as assessmentNormalImported,
} from '../rules/assessed-income.ts';
import {
  dibaoBaseMonthly as dibaoBaseMonthlyImported,
  gradualExitAnnual as gradualExitAnnualImported,
  residenceEligible,
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
} from '../kernel/metrics.ts';
import type { ComponentId } from '../kernel/metrics.ts';
import { incomeDeciles } from '../kernel/deciles.ts';
import { incomeDynamics, incomeShock as incomeShockImported } from '../kernel/dynamics.ts';
import { monitoringTargetRatio } from '../kernel/monitoring-target.ts';
import { deriveCellSums } from '../kernel/simulate-year.ts';
import type { HouseholdResult, HouseholdState, ResolvedParams, SimOptions, YearResult } from '../kernel/types.ts';

// Imports used in the hot loop are bound to module constants: loaders and bundlers may wrap imported bindings in
// getters, which would otherwise be called for every household.
const METRIC_COUNT = METRIC_COUNT_IMPORTED;
const DECILE_METRIC_COUNT = DECILE_METRIC_COUNT_IMPORTED;
const uniformFn = uniformImported;
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

/** The previous `simulateYear`, unchanged: aggregates per cell and decile, and (by default) household columns. */
export function referenceSimulateYear(
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
  const shockPath = mc ? { seed, replication: rep } : undefined;
  const monRatio = options.monitoringRatio ?? monitoringTargetRatio(h, params, state, rowOffset, undefined, shockPath);
  // Income shocks of projection years (carried years only; sim/kernel/dynamics.ts).
  const dyn = incomeDynamics(params, shockPath);
  const prevShockArr = dyn.on && state !== undefined ? state.shock : undefined;
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

  for (let i = 0; i < n; i++) {
    const c = (hhRegion[i] << 1) | hhArea[i];
    const w = wfA !== undefined ? hhWeight[i] * fPopA[c] * wfA[i] : hhWeight[i] * fPopA[c];
    const b = c * METRIC_COUNT;
    cells[b + K_SAMPLE] += 1;
    cells[b + K_HH] += w;
    cells[b + K_PERSONS] += w * hhSize[i];
    let shockF = 1;
    if (prevShockArr !== undefined) {
      const e = incomeShock(dyn, prevShockArr[i], i + rowOffset, yearIndex);
      shockF = Math.exp(e - dyn.logMean);
      if (nextState !== undefined) nextState.shock[i] = e;
    } else if (nextState !== undefined) {
      nextState.shock[i] = 0;
    }
    // Survey income (deciles, targeting, poverty) and assessed income (every eligibility test): the error model.
    const surveyBase = hhIncomePc[i] * fIncA[c] * shockF;
    const af = assessedFactor(assessmentNormal(hhIncomePc[i], hhEarningsPc[i], hhSize[i]), biasA[c], noiseA[c]);
    const incomeBase = surveyBase * af;
    const pa = affectedShareA[c];
    if (fast && pa <= 0) {
      const incomePc = incomeBase;
      // Fast path for households clearly outside every programme (most of the population): same arithmetic as
      // the branch loop below with status none; `fastPath: false` sends every household through the branch loop
      // (tests compare both bit for bit).
      const size = hhSize[i];
      const s = stdA[c];
      const incM = incomePc / 12;
      // Outside every programme: income at or above the marginal limit (not marginal, not tekun), not enrolled last
      // year, no orphans (cheapest tests first), countable income at or above the standard (not dibao) and failing
      // the rigid-expenditure test: the same comparisons as the branch loop.
      let outside = incM >= margMultA[c] * s && prevProgArr[i] === 0 && hhOrphans[i] === 0;
      if (outside) {
        // Same value as rules/dibao countableIncomeMonthlyPc; only a disregard or negative earnings change it.
        const dr = disregardA[c];
        const earnRaw = hhEarningsPc[i] * fIncA[c] * shockF * af;
        const earnPc = earnRaw < incomePc ? earnRaw : incomePc;
        const countable =
          dr > 0 || earnPc < 0 ? incM - Math.min(hhWorking[i] * dr * s, (earnPc * size) / 12) / size : incM;
        outside =
          countable >= s &&
          !(
            incomePc < rigidMultA[c] * (incomePrevA[c] * fIncA[c]) &&
            (hhMedicalHh[i] + hhEducationHh[i] + hhRehabHh[i]) * fConsA[c] > rigidRatioA[c] * incomePc * size
          );
      }
      if (outside) {
        const ratio = incM / s;
        const monitored = hhMonitored[i] > 0 || (monMultA[c] > 0 && ratio < monMultA[c]) || ratio < monRatio;
        let events = 0;
        let tmp = 0;
        if (hhLocalHukou[i] > 0 || tNonLocalA[c] >= 0.5) {
          const tt = tTakeupA[c];
          const med = hhMedicalHh[i];
          const medShare = med > 0 ? (med * fConsA[c]) / Math.max(1, incomePc * size) : 0;
          const pm = Math.min(tMedMaxA[c], tMedBaseA[c] + tMedSlopeA[c] * medShare);
          if (mc) {
            events = uniformFn(seed, rep, i + rowOffset, DRAW_MEDICAL) < pm * tt ? 1 : 0;
            tmp = events * medAmtA[c] * stagedA[c];
          } else {
            events = tt * pm;
            tmp = tt * (pm * medAmtA[c]) * stagedA[c];
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
        const line = lineA[c];
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
            (assetTestA[c] < 0.5 || hhAssetsPc[i] * fIncA[c] <= assetMonthsA[c] * s) &&
            (carTestA[c] < 0.5 || hhCar[i] === 0) &&
            (homeTestA[c] < 0.5 || hhHomes[i] <= maxHomesA[c]);
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
      } else if (uniformFn(seed, rep, i + rowOffset, DRAW_AFFECTED) < pa) {
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
      const incomePc = affected ? disasterIncomePc(incomeBase, lossShareA[c], lossMonthsA[c]) : incomeBase;
      const surveyPc = affected ? disasterIncomePc(surveyBase, lossShareA[c], lossMonthsA[c]) : surveyBase;
      const size = hhSize[i];
      const s = stdA[c];
      const fInc = fIncA[c];
      const earnRaw = hhEarningsPc[i] * fInc * shockF * af;
      const earnPc = earnRaw < incomePc ? earnRaw : incomePc;
      const working = hhWorking[i];
      // countableIncomeMonthlyPc
      const incM = incomePc / 12;
      const dr = disregardA[c];
      const countable = dr > 0 || earnPc < 0 ? incM - Math.min(working * dr * s, (earnPc * size) / 12) / size : incM;
      // assetTestPasses, carTestPasses, homeTestPasses
      const assetsOk =
        (assetTestA[c] < 0.5 || hhAssetsPc[i] * fInc <= assetMonthsA[c] * s) &&
        (carTestA[c] < 0.5 || hhCar[i] === 0) &&
        (homeTestA[c] < 0.5 || hhHomes[i] <= maxHomesA[c]);
      // Dibao tests countable income (§2.1); tekun and marginal test income per capita as §2.2–2.3 word them.
      // A household of orphans only is supported by the orphan allowance instead (rules/orphan.ts).
      const belowMarginal = incM < margMultA[c] * s;
      const orphans = hhOrphans[i];
      const notOrphansOnly =
        (orphans === 0 || !orphanOnly(orphans, size)) && residenceEligible(hhLocalHukou[i], dNonLocalA[c]);
      const tekunOk = hhTekunProfile[i] > 0 && incM < s && notOrphansOnly;
      const dibaoOk = countable < s && assetsOk && notOrphansOnly;
      const marginalOk = assetsOk && belowMarginal && notOrphansOnly;
      let rigidOk = false;
      if (assetsOk && !tekunOk && !dibaoOk && !marginalOk && notOrphansOnly) {
        const rigidSpend = (hhMedicalHh[i] + hhEducationHh[i] + hhRehabHh[i]) * fConsA[c];
        rigidOk = incomePc < rigidMultA[c] * (incomePrevA[c] * fInc) && rigidSpend > rigidRatioA[c] * incomePc * size;
      }
      let status = tekunOk ? 2 : dibaoOk ? 1 : 0;
      let single = false;
      if (status === 0 && marginalOk && singleA[c] >= 0.5 && (hhIll[i] > 0 || hhDisabled[i] > 0)) {
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
      const widened = (monMultA[c] > 0 && ratio < monMultA[c]) || ratio < monRatio;
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
          const tu = monNotEnrolled ? tuMonA[c] : tuUnmonA[c];
          if (mc) {
            const drawn = uniformFn(seed, rep, i + rowOffset, DRAW_TAKEUP) < tu ? 1 : 0;
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
          const cs = certShareA[c];
          const cr = certRateA[c];
          if (mc) {
            const stayed = same && prevEnrol >= 0.5;
            p =
              stayed ||
              (uniformFn(seed, rep, i + rowOffset, DRAW_CERTIFY) < cs &&
                uniformFn(seed, rep, i + rowOffset, certifyYearDraw) < cr)
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
        if (prevProg === 1 && geMonthsA[c] > 0 && working > 0 && earnPc > 0 && prevGEArr[i] === 0) ge = prevEnrol;
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
          const total = singlePersonMonthly(s, persons, hhDisabled[i], hhIll[i], sDA[c], sIA[c]) * 12;
          cBase = persons * s * 12;
          cSupp = total - cBase;
        } else {
          cBase = dibaoBaseMonthly(s, countable, size, minShareA[c], tiersA[c]) * 12;
          cSupp =
            supplementMonthly(
              s,
              size,
              hhElderly[i],
              hhChildren[i],
              hhDisabled[i],
              hhIll[i],
              sEA[c],
              sCA[c],
              sDA[c],
              sIA[c],
            ) * 12;
        }
        // Orphans get the orphan one-off instead (one one-off per person).
        onePersons = oneDibaoA[c] > 0 ? programmeOneOffPersons(persons, orphans) : 0;
        cOne = oneDibaoA[c] * onePersons;
      } else if (status === 2) {
        // Orphan members are covered by the orphan allowance, not by tekun support.
        persons = tekunMembers(size, orphans);
        cTL = tekunLivingMonthly(s, tkMultA[c], persons) * 12;
        cTC =
          tekunCareMonthly(
            minWageA[c],
            persons,
            hhCareFull[i],
            hhCareHalf[i],
            tekunCentralisedWeight(hhSupport[i], tkCentralA[c]),
            fullDA[c],
            halfDA[c],
            selfDA[c],
            fullCA[c],
            halfCA[c],
            selfCA[c],
          ) * 12;
        cOne = oneTekunA[c] * persons;
        onePersons = oneTekunA[c] > 0 ? persons : 0;
      } else if (status === 3) {
        cSpecial = margCostA[c] * size;
      } else if (status === 4) {
        cSpecial = rigidCostA[c] * size;
      }
      if (status >= 1 && status <= 3 && svcPilotA[c] >= 0.5) {
        svcPersons = Math.min(size, hhCareFull[i] + hhCareHalf[i]) * svcTakeupA[c];
        cSvc = svcPersons * svcCostA[c];
      }
      // Orphans get the orphan one-off subsidy and the orphan basic living allowance whatever the household's
      // programme (recognised orphans: take-up 1).
      let orphanOne = 0;
      let orphanPersons = 0;
      let orphanAllow = 0;
      if (orphans > 0) {
        if (oneOrphanA[c] > 0) {
          orphanPersons = orphans;
          orphanOne = oneOrphanA[c] * orphans;
        }
        orphanAllow = orphanAllowanceMonthly(orphans, hhSupport[i], orphInstA[c], orphDispA[c]) * 12;
      }
      const geCost = ge > 0 ? gradualExitAnnual(geMonthsA[c], geShareA[c], s, size) : 0;

      // Temporary assistance events (§2.5) and disaster events (§3.5); amounts per event precomputed per cell.
      let events = 0;
      let tmp = 0;
      if (hhLocalHukou[i] > 0 || tNonLocalA[c] >= 0.5) {
        const tt = tTakeupA[c];
        // medicalShockProb
        const med = hhMedicalHh[i];
        const medShare = med > 0 ? (med * fConsA[c]) / Math.max(1, incomePc * size) : 0;
        const pm = Math.min(tMedMaxA[c], tMedBaseA[c] + tMedSlopeA[c] * medShare);
        const po = belowMarginal ? tOtherA[c] : 0;
        const pd = affected ? disEventProbA[c] : 0;
        if (mc) {
          const em = uniformFn(seed, rep, i + rowOffset, DRAW_MEDICAL) < pm * tt ? 1 : 0;
          const eo = uniformFn(seed, rep, i + rowOffset, DRAW_OTHER) < po * tt ? 1 : 0;
          let ed = 0;
          let dAmt = 0;
          if (pd > 0) {
            ed = uniformFn(seed, rep, i + rowOffset, DRAW_DISASTER) < pd * tt ? 1 : 0;
            dAmt =
              uniformFn(seed, rep, i + rowOffset, DRAW_HOUSING) < disHousingShareA[c]
                ? disAmtHousingA[c]
                : disAmtPlainA[c];
          }
          events = em + eo + ed;
          tmp = (em * medAmtA[c] + eo * otherAmtA[c] + ed * dAmt) * stagedA[c];
        } else {
          events = tt * (pm + po + pd);
          tmp = tt * (pm * medAmtA[c] + po * otherAmtA[c] + pd * disAmtExpectedA[c]) * stagedA[c];
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
      const line = lineA[c];
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
