// Reads the SQL rule parameters from the engine's resolved parameters (national values), so the SQL cross-check runs
// the same parameter set as the kernel without sharing any rule code with it.
import type { ResolvedParams } from '../../sim/index.ts';
import type { SqlRuleParams } from './rules-sql.ts';

/**
 * SQL parameters from national scalar values. Tekun care shares blend the dispersed and centralised shares by the
 * centralised-support share, as the catalogue documents (the data carry no centralised flag).
 */
export function sqlParamsFromResolved(resolved: ResolvedParams): SqlRuleParams {
  const v = resolved.scalars;
  const central = v['tekun.centralisedShare'];
  const blend = (dispersed: number, centralised: number): number => central * centralised + (1 - central) * dispersed;
  return {
    assetTest: v['dibao.assetTest'] !== 0,
    assetMonths: v['dibao.assetMonths'],
    carTest: v['dibao.carTest'] !== 0,
    homeTest: v['dibao.homeTest'] !== 0,
    maxHomes: v['dibao.maxHomes'],
    disregardShare: v['dibao.disregardShare'],
    minBenefitShare: v['dibao.minBenefitShare'],
    supplementElderly: v['dibao.suppElderly'],
    supplementChildren: v['dibao.suppChildren'],
    supplementDisabled: v['dibao.suppDisabled'],
    supplementIll: v['dibao.suppIll'],
    tekunLivingMultiplier: v['tekun.livingMultiplier'],
    tekunCareFull: blend(v['tekun.careFullDispersed'], v['tekun.careFullCentralised']),
    tekunCareHalf: blend(v['tekun.careHalfDispersed'], v['tekun.careHalfCentralised']),
    tekunCareSelf: blend(v['tekun.careSelfDispersed'], v['tekun.careSelfCentralised']),
    tekunAssetTest: false,
    marginalMultiplier: v['marginal.multiplier'],
    marginalSpecialPerPerson: v['marginal.specialCostPc'],
    rigidSpecialPerPerson: v['rigid.specialCostPc'],
    rigidRatio: v['rigid.ratio'],
    rigidIncomeMultiplier: v['rigid.incomeMultiplier'],
    takeupMonitored: v['takeup.monitored'],
    takeupUnmonitored: v['takeup.unmonitored'],
    certifyShare: v['takeup.certifyShare'],
    certifyRate: v['takeup.certifyRate'],
  };
}
