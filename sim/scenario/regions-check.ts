// Scenario region codes checked against a dataset's regions: an override, absolute standard or disaster naming a code
// that no region of the data has (or starts with) would otherwise be ignored silently, so it is an error with its path.
import type { RegionArrays } from '../model/regions.ts';
import type { Scenario, ScenarioError } from './types.ts';

/** Every region code in `scenario` that matches no region of the dataset (as a code or a code prefix), with its path. */
export function unknownScenarioRegions(scenario: Scenario, regions: Pick<RegionArrays, 'code'>): ScenarioError[] {
  const known = (prefix: string): boolean => regions.code.some((code) => code.startsWith(prefix));
  const refs: { path: string; code: string }[] = [
    ...(scenario.regionOverrides ?? []).map((o, i) => ({ path: `regionOverrides.${i}.region`, code: o.region })),
    ...(scenario.standardOverrides ?? []).map((o, i) => ({ path: `standardOverrides.${i}.region`, code: o.region })),
    ...(scenario.disaster?.regions ?? []).map((code, i) => ({ path: `disaster.regions.${i}`, code })),
  ];
  const sample = regions.code.slice(0, 5).join(', ');
  return refs
    .filter((ref) => !known(ref.code))
    .map((ref) => ({
      path: ref.path,
      messageZh: `地区代码“${ref.code}”在数据集中不存在（数据集的地区代码如 ${sample}）`,
      messageEn: `region code "${ref.code}" is not in the dataset (its region codes are like ${sample})`,
    }));
}
