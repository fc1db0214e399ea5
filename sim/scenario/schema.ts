// The zod schema of scenario files, built from the parameter catalogue so ranges are stated once.
import { z } from 'zod';
import { PARAM_CATALOGUE } from '../params/catalogue.ts';
import type { ParamDef, ParamGroup } from '../params/types.ts';
import { SCENARIO_SCHEMA_VERSION } from './types.ts';
import type { ParamsPatch, RegionalParamsPatch } from './types.ts';

const regionCode = z
  .string()
  .regex(/^\d{2}(\d{2}){0,2}$/)
  .describe('GB/T 2260 region code prefix: 2 (province), 4 or 6 digits');
const area = z.enum(['urban', 'rural']).describe('urban or rural; omit for both');

function paramValueSchema(def: ParamDef): z.ZodType {
  const n = z.number().min(def.min).max(def.max).describe(`${def.labelZh} / ${def.labelEn} (${def.unit})`);
  return def.unit === 'switch' ? z.union([z.boolean(), n]) : n;
}

// Built from the catalogue at runtime, so the static type is asserted once here; the shape is exactly ParamsPatch.
function paramsPatchSchema(regionalOnly: true): z.ZodType<RegionalParamsPatch>;
function paramsPatchSchema(regionalOnly: false): z.ZodType<ParamsPatch>;
function paramsPatchSchema(regionalOnly: boolean): z.ZodType<ParamsPatch> {
  const groups = new Map<ParamGroup, Record<string, z.ZodType>>();
  for (const def of PARAM_CATALOGUE as readonly ParamDef[]) {
    if (regionalOnly && !def.regional) continue;
    const shape = groups.get(def.group) ?? {};
    shape[def.id.slice(def.group.length + 1)] = paramValueSchema(def).optional();
    groups.set(def.group, shape);
  }
  const shape: Record<string, z.ZodType> = {};
  for (const [group, fields] of groups) shape[group] = z.strictObject(fields).optional();
  return z.strictObject(shape) as unknown as z.ZodType<ParamsPatch>;
}

/** The scenario schema (zod 4); `parseScenario` wraps it with bilingual errors. */
export const scenarioSchema = z.strictObject({
  $schema: z.string().optional().describe('Path or URL of this JSON Schema, for editors'),
  schemaVersion: z.literal(SCENARIO_SCHEMA_VERSION),
  name: z.string().min(1).max(200),
  description: z.string().max(5000).optional(),
  params: paramsPatchSchema(false).optional(),
  regionOverrides: z
    .array(z.strictObject({ region: regionCode, area: area.optional(), params: paramsPatchSchema(true) }))
    .optional(),
  standardOverrides: z
    .array(z.strictObject({ region: regionCode, area: area.optional(), value: z.number().min(0).max(20000) }))
    .optional(),
  disaster: z
    .strictObject({
      regions: z.array(regionCode).min(1),
      area: area.optional(),
      affectedShare: z.number().min(0).max(1),
      incomeLossShare: z.number().min(0).max(1).optional(),
      durationMonths: z.number().min(0).max(12).optional(),
      housingLostShare: z.number().min(0).max(1).optional(),
    })
    .optional(),
  projection: z
    .strictObject({
      startYear: z.int().min(2000).max(2100),
      years: z.int().min(0).max(30),
      standardPath: z.enum(['fixed', 'rule']),
    })
    .optional(),
  monteCarlo: z
    .strictObject({
      mode: z.enum(['ev', 'mc']),
      seed: z.int().min(0).max(4294967295),
      replications: z.int().min(1).max(10000),
    })
    .optional(),
});

/** The JSON Schema of scenario files, published as `datasets/scenarios/scenario.schema.json`. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://safety-net-workbench.local/scenario.schema.json',
    title: '社会救助政策情景 / Social assistance policy scenario',
  };
}
