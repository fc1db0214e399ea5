// Pure logic of the scenario editor: the catalogue grouped into programme sections, reading and writing parameter
// values in a scenario document (a JSON patch over the baseline), per-region overrides, the standard-setting bulk
// rules, and validation through the engine's own `parseScenario` with errors keyed by field path.
import { PARAM_CATALOGUE, getParamDef, parseScenario } from '../../../../sim/index.ts';
import type { ParamDef, ParamGroup } from '../../../../sim/index.ts';
import type { ScenarioEntry } from '../../store/workspace-store.ts';
import type { Bilingual, Language } from '../../i18n/i18n.ts';

/** Any JSON value, as scenario documents are stored in the workspace. */
export type JsonValue = ScenarioEntry['document'];

/** A JSON object (scenario documents and their nested patches). */
export type JsonObject = { [key: string]: JsonValue };

/** One section of the editor: a programme or lever family, possibly spanning several catalogue groups. */
export interface ParamSection {
  id: string;
  titleZh: string;
  titleEn: string;
  groups: readonly ParamGroup[];
}

/** The editor's sections, in the order a policy reader expects (standards first). */
export const PARAM_SECTIONS: readonly ParamSection[] = [
  { id: 'standard', titleZh: '标准设定规则', titleEn: 'Standard-setting rule', groups: ['standard'] },
  { id: 'dibao', titleZh: '最低生活保障（低保）', titleEn: 'Minimum living guarantee (dibao)', groups: ['dibao'] },
  { id: 'tekun', titleZh: '特困人员救助供养', titleEn: 'Extremely poor persons (tekun)', groups: ['tekun'] },
  { id: 'marginal', titleZh: '低保边缘家庭', titleEn: 'Dibao-marginal households', groups: ['marginal'] },
  { id: 'rigid', titleZh: '刚性支出困难家庭', titleEn: 'Rigid-expenditure hardship', groups: ['rigid'] },
  { id: 'temporary', titleZh: '临时救助', titleEn: 'Temporary assistance', groups: ['temporary'] },
  { id: 'services', titleZh: '服务类社会救助', titleEn: 'Service-type assistance', groups: ['services'] },
  { id: 'oneOff', titleZh: '一次性生活补助', titleEn: 'One-off living subsidies', groups: ['oneOff'] },
  { id: 'orphan', titleZh: '孤儿基本生活保障', titleEn: 'Orphan basic living allowance', groups: ['orphan'] },
  {
    id: 'monitoring',
    titleZh: '动态监测与申领率',
    titleEn: 'Monitoring and take-up',
    groups: ['monitoring', 'takeup'],
  },
  { id: 'projection', titleZh: '多年预测', titleEn: 'Multi-year projection', groups: ['projection'] },
  { id: 'funding', titleZh: '资金分担', titleEn: 'Funding split', groups: ['funding'] },
  { id: 'disaster', titleZh: '灾害情景', titleEn: 'Disaster scenario', groups: ['disaster'] },
  { id: 'poverty', titleZh: '贫困线', titleEn: 'Poverty line', groups: ['poverty'] },
  { id: 'output', titleZh: '披露控制', titleEn: 'Disclosure control', groups: ['output'] },
];

const CATALOGUE: readonly ParamDef[] = PARAM_CATALOGUE;

/** The parameter definitions of a section, in catalogue order. */
export function paramsOfSection(section: ParamSection): ParamDef[] {
  return CATALOGUE.filter((def) => section.groups.includes(def.group));
}

/** The scenario document path of a parameter (`params.dibao.assetMonths`). */
export function paramPath(id: string): string {
  return `params.${id}`;
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a document as an object (a non-object document reads as empty). */
export function asObject(document: JsonValue | undefined): JsonObject {
  return isObject(document) ? document : {};
}

function splitId(id: string): [string, string] {
  const dot = id.indexOf('.');
  return [id.slice(0, dot), id.slice(dot + 1)];
}

function toNumber(value: JsonValue | undefined): number | undefined {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  return undefined;
}

/** Reads a parameter from a `params`-shaped patch ({group: {name: value}}); undefined when not set. */
function readPatch(patch: JsonValue | undefined, id: string): number | undefined {
  const [group, name] = splitId(id);
  const groupPatch = asObject(patch)[group];
  return isObject(groupPatch) ? toNumber(groupPatch[name]) : undefined;
}

/** Writes (or with undefined, removes) a parameter in a params-shaped patch; empty groups disappear. */
function writePatch(patch: JsonValue | undefined, id: string, value: number | boolean | undefined): JsonObject {
  const [group, name] = splitId(id);
  const next: JsonObject = { ...asObject(patch) };
  const groupPatch: JsonObject = { ...asObject(next[group]) };
  if (value === undefined) delete groupPatch[name];
  else groupPatch[name] = value;
  if (Object.keys(groupPatch).length === 0) delete next[group];
  else next[group] = groupPatch;
  return next;
}

/** The value a scenario sets for a parameter, or undefined when it keeps the baseline. */
export function explicitParamValue(document: JsonValue, id: string): number | undefined {
  return readPatch(asObject(document).params, id);
}

/** The effective national value of a parameter in a scenario (the catalogue default when not set). */
export function getParamValue(document: JsonValue, id: string): number {
  return explicitParamValue(document, id) ?? getParamDef(id)?.default ?? Number.NaN;
}

/** Returns a new document with the parameter set; a value equal to the default is removed (minimal patch). */
export function setParamValue(document: JsonValue, id: string, value: number): JsonObject {
  const def = getParamDef(id);
  const doc = { ...asObject(document) };
  const stored = value === def?.default ? undefined : def?.unit === 'switch' ? value >= 0.5 : value;
  const params = writePatch(doc.params, id, stored);
  if (Object.keys(params).length === 0) delete doc.params;
  else doc.params = params;
  return doc;
}

/** Area of a per-region setting: both areas, urban only or rural only. */
export type AreaChoice = 'both' | 'urban' | 'rural';

function overrideList(document: JsonValue, key: 'regionOverrides' | 'standardOverrides'): JsonObject[] {
  const list = asObject(document)[key];
  return Array.isArray(list) ? list.filter(isObject) : [];
}

function sameTarget(entry: JsonObject, region: string, area: AreaChoice): boolean {
  const entryArea = entry.area === 'urban' || entry.area === 'rural' ? entry.area : 'both';
  return entry.region === region && entryArea === area;
}

function withList(document: JsonValue, key: 'regionOverrides' | 'standardOverrides', list: JsonObject[]): JsonObject {
  const doc = { ...asObject(document) };
  if (list.length === 0) delete doc[key];
  else doc[key] = list;
  return doc;
}

/** A per-region parameter value set by the scenario for exactly this region and area, or undefined. */
export function getRegionParam(document: JsonValue, region: string, area: AreaChoice, id: string): number | undefined {
  const entry = overrideList(document, 'regionOverrides').find((e) => sameTarget(e, region, area));
  return entry ? readPatch(entry.params, id) : undefined;
}

/** Sets (or with undefined, clears) a per-region parameter; entries left empty are dropped. */
export function setRegionParam(
  document: JsonValue,
  region: string,
  area: AreaChoice,
  id: string,
  value: number | undefined,
): JsonObject {
  const def = getParamDef(id);
  const list = overrideList(document, 'regionOverrides');
  const index = list.findIndex((e) => sameTarget(e, region, area));
  const current = index >= 0 ? list[index] : { region, ...(area === 'both' ? {} : { area }), params: {} };
  const stored = value === undefined ? undefined : def?.unit === 'switch' ? value >= 0.5 : value;
  const params = writePatch(current.params, id, stored);
  const next = [...list];
  if (Object.keys(params).length === 0) {
    if (index >= 0) next.splice(index, 1);
  } else if (index >= 0) next[index] = { ...current, params };
  else next.push({ ...current, params });
  return withList(document, 'regionOverrides', next);
}

/** The absolute standard (yuan/person/month) a scenario sets for a region and area, or undefined. */
export function getStandardOverride(document: JsonValue, region: string, area: 'urban' | 'rural'): number | undefined {
  const list = overrideList(document, 'standardOverrides');
  const exact = list.find((e) => sameTarget(e, region, area)) ?? list.find((e) => sameTarget(e, region, 'both'));
  return exact ? toNumber(exact.value) : undefined;
}

/** Sets (or with undefined, clears) the absolute standard of one region and area. */
export function setStandardOverride(
  document: JsonValue,
  region: string,
  area: 'urban' | 'rural',
  value: number | undefined,
): JsonObject {
  const list = overrideList(document, 'standardOverrides').filter((e) => !sameTarget(e, region, area));
  if (value !== undefined) list.push({ region, area, value });
  return withList(document, 'standardOverrides', list);
}

/** A rule-based bulk edit of standards (the engine's standard-setting levers, POLICY.md §3.1). */
/** A standard rule applied in bulk; a rise or a consumption ratio can be limited to urban or rural standards. */
export type BulkRule =
  | { kind: 'scale'; pct: number; area?: AreaChoice }
  | { kind: 'consumption'; urban: number; rural: number; area?: AreaChoice }
  | { kind: 'ruralFloor'; share: number };

function bulkAssignments(rule: BulkRule): [string, number][] {
  if (rule.kind === 'scale') return [['standard.scalePct', rule.pct]];
  if (rule.kind === 'ruralFloor') return [['standard.ruralFloor', rule.share]];
  const area = rule.area ?? 'both';
  return [
    ['standard.useConsumptionRatio', 1],
    ...(area !== 'rural' ? [['standard.consumptionRatioUrban', rule.urban] as [string, number]] : []),
    ...(area !== 'urban' ? [['standard.consumptionRatioRural', rule.rural] as [string, number]] : []),
  ];
}

/**
 * Applies a bulk rule to every region (national parameters) or to the chosen provinces (per-region overrides). A rule
 * limited to one area is written as per-province overrides of that area (`allRegions` lists every province when
 * `regions` is 'all'), so the other area's standards stay as they are. The engine turns these into standards; the
 * UI never computes a standard itself.
 */
export function applyBulkRule(
  document: JsonValue,
  rule: BulkRule,
  regions: readonly string[] | 'all',
  allRegions: readonly string[] = [],
): JsonObject {
  const assignments = bulkAssignments(rule);
  const area: AreaChoice = rule.kind === 'ruralFloor' ? 'both' : (rule.area ?? 'both');
  let doc = asObject(document);
  if (regions === 'all' && area === 'both') {
    for (const [id, value] of assignments) doc = setParamValue(doc, id, value);
    return doc;
  }
  for (const region of regions === 'all' ? allRegions : regions) {
    for (const [id, value] of assignments) doc = setRegionParam(doc, region, area, id, value);
  }
  return doc;
}

/** How a parameter is shown: multiply raw values by `scale` and label with `unit`. */
export interface DisplayUnit {
  scale: number;
  unit: string;
}

/** The display scale and unit text of a parameter in a language. */
export function displayUnit(def: ParamDef, language: Language): DisplayUnit {
  const zh = language === 'zh';
  switch (def.unit) {
    case 'share':
      return { scale: 100, unit: '%' };
    case 'probability/year':
      return { scale: 100, unit: zh ? '%/年' : '%/year' };
    case 'percent':
      return { scale: 1, unit: '%' };
    case 'multiplier':
      return { scale: 1, unit: zh ? '倍' : '×' };
    case 'months':
      return { scale: 1, unit: zh ? '个月' : 'months' };
    case 'years':
      return { scale: 1, unit: zh ? '年' : 'years' };
    case 'yuan/person/year':
      return { scale: 1, unit: zh ? '元/人·年' : 'yuan/person/year' };
    case 'yuan/person/month':
      return { scale: 1, unit: zh ? '元/人·月' : 'yuan/person/month' };
    case 'yuan/person':
      return { scale: 1, unit: zh ? '元/人' : 'yuan/person' };
    case 'homes':
      return { scale: 1, unit: zh ? '套' : 'homes' };
    case 'households':
      return { scale: 1, unit: zh ? '户' : 'households' };
    case 'switch':
      return { scale: 1, unit: '' };
  }
}

/** Validation of a scenario document: errors keyed by field path, plus every error in order. */
export interface FormValidation {
  ok: boolean;
  byPath: Map<string, Bilingual>;
  all: { path: string; message: Bilingual }[];
}

/** Validates a document with the engine's `parseScenario` and indexes the errors by their field path. */
export function validateDocument(document: JsonValue): FormValidation {
  const result = parseScenario(document);
  if (result.ok) return { ok: true, byPath: new Map(), all: [] };
  const byPath = new Map<string, Bilingual>();
  const all = result.errors.map((e) => {
    const message = { messageZh: e.messageZh, messageEn: e.messageEn };
    if (!byPath.has(e.path)) byPath.set(e.path, message);
    return { path: e.path, message };
  });
  return { ok: false, byPath, all };
}
