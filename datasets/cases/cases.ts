// The five case-study household presets of POLICY.md §8 (data in ./*.json), validated with one schema and exposed
// with their codes resolved, for the household calculator, the CLI and the tests.
import { z } from 'zod';
import { AREA, PROGRAMME, SUPPORT_TYPE } from '../../sim/index.ts';
import type { AreaName, ProgrammeName, SupportTypeName } from '../../sim/index.ts';
import hunanFlood from './hunan-flood.json';
import shandongMedical from './shandong-medical.json';
import hebeiCare from './hebei-care.json';
import jiangsuMigrant from './jiangsu-migrant.json';
import gansuOrphan from './gansu-orphan.json';

const bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) });
const count = z.number().int().min(0).max(30);
const flag = z.union([z.literal(0), z.literal(1)]);
const yuan = z.number().min(0).max(1e8);

/** One household as a case file writes it: codes by name, money in yuan per year (per capita unless `Hh`). */
export const caseHouseholdSchema = z
  .object({
    area: z.enum(['urban', 'rural'] satisfies AreaName[]),
    size: z.number().int().min(1).max(30),
    elderly: count,
    children: count,
    disabled: count,
    ill: count,
    ableToWork: count,
    working: count,
    careFull: count,
    careHalf: count,
    incomePc: yuan,
    earningsPc: yuan,
    assetsPc: yuan,
    car: flag,
    homes: z.number().int().min(0).max(50),
    medicalHh: yuan,
    educationHh: yuan,
    rehabHh: yuan,
    programme: z.enum(['none', 'dibao', 'tekun', 'marginal', 'rigid'] satisfies ProgrammeName[]),
    gradualExit: flag,
    monitored: flag,
    tekunProfile: flag,
    localHukou: flag,
    /** Orphan members (under 18, no living parent), at most `children`; 0 when absent. */
    orphans: count.default(0),
    /** How tekun persons and orphans are supported; 'unknown' (the default) uses the documented fallbacks. */
    supportType: z.enum(['unknown', 'centralised', 'dispersed'] satisfies SupportTypeName[]).default('unknown'),
    weight: z.number().positive(),
  })
  .strict();

export type CaseHousehold = z.infer<typeof caseHouseholdSchema>;

/**
 * The case as it happened, from the review: the events that struck (paid in full, the household applied), what the
 * office approved for each in yuan, and aid from outside government (charity), which is shown beside the household's
 * assistance but is never part of government cost.
 */
export const caseHappenedSchema = z
  .object({
    events: z.array(z.enum(['medical', 'other', 'disaster'])),
    amounts: z
      .object({ medical: z.number().positive(), other: z.number().positive(), disaster: z.number().positive() })
      .partial()
      .strict()
      .default({}),
    nonGovernment: z.array(z.object({ label: bilingual, yuan: z.number().positive() }).strict()).default([]),
  })
  .strict();

export type CaseHappened = z.infer<typeof caseHappenedSchema>;

/** One case-study preset file. */
export const casePresetSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    order: z.number().int().min(1),
    title: bilingual,
    story: bilingual,
    source: bilingual,
    regionCode: z.string().regex(/^\d{2}(\d{2}){0,2}$/),
    reportedAid: z.array(z.object({ label: bilingual, yuan: z.number().positive() })),
    happened: caseHappenedSchema,
    household: caseHouseholdSchema,
  })
  .strict();

export type CasePreset = z.infer<typeof casePresetSchema>;

/** A problem with a case file, in both languages, naming the file and the field. */
export interface CaseIssue {
  file: string;
  path: string;
  messageZh: string;
  messageEn: string;
}

/** Checks the member counts against the household size and each other (what a schema alone cannot say). */
export function checkConsistency(file: string, household: CaseHousehold): CaseIssue[] {
  const issues: CaseIssue[] = [];
  const members = ['elderly', 'children', 'disabled', 'ill', 'ableToWork', 'working', 'careFull', 'careHalf'] as const;
  for (const key of members) {
    if (household[key] > household.size) {
      issues.push({
        file,
        path: `household.${key}`,
        messageZh: `${file}：${key} 为 ${household[key]}，超过家庭人口数 ${household.size}`,
        messageEn: `${file}: ${key} is ${household[key]}, more than the household size ${household.size}`,
      });
    }
  }
  if (household.orphans > household.children) {
    issues.push({
      file,
      path: 'household.orphans',
      messageZh: `${file}：孤儿人数 ${household.orphans} 超过未成年人数 ${household.children}`,
      messageEn: `${file}: ${household.orphans} orphans but only ${household.children} children`,
    });
  }
  if (household.working > household.ableToWork) {
    issues.push({
      file,
      path: 'household.working',
      messageZh: `${file}：就业人数 ${household.working} 超过有劳动能力人数 ${household.ableToWork}`,
      messageEn: `${file}: ${household.working} in work but only ${household.ableToWork} able to work`,
    });
  }
  if (household.careFull + household.careHalf > household.size) {
    issues.push({
      file,
      path: 'household.careHalf',
      messageZh: `${file}：全护理与半护理人数之和超过家庭人口数 ${household.size}`,
      messageEn: `${file}: members needing full or half care exceed the household size ${household.size}`,
    });
  }
  if (household.earningsPc > household.incomePc) {
    issues.push({
      file,
      path: 'household.earningsPc',
      messageZh: `${file}：人均劳动收入 ${household.earningsPc} 元高于人均收入 ${household.incomePc} 元`,
      messageEn: `${file}: earnings per capita ${household.earningsPc} yuan exceed income per capita ${household.incomePc} yuan`,
    });
  }
  return issues;
}

/** Parses one case file's contents; returns the preset or the issues (schema and consistency) in both languages. */
export function parseCasePreset(file: string, data: unknown): { preset: CasePreset } | { issues: CaseIssue[] } {
  const parsed = casePresetSchema.safeParse(data);
  if (!parsed.success) {
    return {
      issues: parsed.error.issues.map((issue) => {
        const path = issue.path.join('.');
        return {
          file,
          path,
          messageZh: `${file}：字段 ${path} 无效（${issue.message}）`,
          messageEn: `${file}: field ${path} is invalid (${issue.message})`,
        };
      }),
    };
  }
  const issues = checkConsistency(file, parsed.data.household);
  return issues.length > 0 ? { issues } : { preset: parsed.data };
}

/** The raw preset files as shipped, by file name. */
export const CASE_FILES: Readonly<Record<string, unknown>> = {
  'hunan-flood.json': hunanFlood,
  'shandong-medical.json': shandongMedical,
  'hebei-care.json': hebeiCare,
  'jiangsu-migrant.json': jiangsuMigrant,
  'gansu-orphan.json': gansuOrphan,
};

function loadAll(): CasePreset[] {
  const presets: CasePreset[] = [];
  for (const [file, data] of Object.entries(CASE_FILES)) {
    const result = parseCasePreset(file, data);
    if ('issues' in result) throw new Error(result.issues.map((issue) => issue.messageEn).join('\n'));
    presets.push(result.preset);
  }
  return presets.sort((a, b) => a.order - b.order);
}

/** The five shipped presets in story order (validated at load; a broken shipped file is a build error, not a user one). */
export const CASE_PRESETS: readonly CasePreset[] = loadAll();

/** Household codes as the engine stores them (AREA, PROGRAMME and SUPPORT_TYPE integers; orphans 0 if absent). */
export function householdCodes(household: CaseHousehold): {
  area: (typeof AREA)[AreaName];
  programme: number;
  orphans: number;
  supportType: number;
} {
  return {
    area: AREA[household.area],
    programme: PROGRAMME[household.programme],
    orphans: household.orphans,
    supportType: SUPPORT_TYPE[household.supportType],
  };
}
