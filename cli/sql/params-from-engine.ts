// Reads the SQL rule parameters from the engine's resolved parameters (national values), so the SQL cross-check runs
// the same parameter set as the kernel without sharing any rule code with it.
import type { ResolvedParams } from '../../sim/index.ts';
import type { SqlRuleParams } from './rules-sql.ts';

/**
 * SQL parameters from national scalar values: both sets of tekun care shares and the centralised-support share (the
 * SQL picks by each household's support type), and the orphan allowance amounts.
 */
export function sqlParamsFromResolved(resolved: ResolvedParams): SqlRuleParams {
  const v = resolved.scalars;
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
    tekunCareFullDispersed: v['tekun.careFullDispersed'],
    tekunCareHalfDispersed: v['tekun.careHalfDispersed'],
    tekunCareSelfDispersed: v['tekun.careSelfDispersed'],
    tekunCareFullCentralised: v['tekun.careFullCentralised'],
    tekunCareHalfCentralised: v['tekun.careHalfCentralised'],
    tekunCareSelfCentralised: v['tekun.careSelfCentralised'],
    tekunCentralisedShare: v['tekun.centralisedShare'],
    orphanInstitutional: v['orphan.allowanceInstitutional'],
    orphanDispersed: v['orphan.allowanceDispersed'],
    tekunAssetTest: false,
    marginalMultiplier: v['marginal.multiplier'],
    marginalSpecialPerPerson: v['marginal.specialCostPc'],
    rigidSpecialPerPerson: v['rigid.specialCostPc'],
    rigidRatio: v['rigid.ratio'],
    rigidIncomeMultiplier: v['rigid.incomeMultiplier'],
    nonLocalHukouEligible: v['dibao.nonLocalHukouEligible'] !== 0,
    takeupMonitored: v['takeup.monitored'],
    takeupUnmonitored: v['takeup.unmonitored'],
    certifyShare: v['takeup.certifyShare'],
    certifyRate: v['takeup.certifyRate'],
  };
}
