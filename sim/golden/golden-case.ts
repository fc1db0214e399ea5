// The checked format of a golden case file (sim/golden/*.json): period, input, output and reference per case, the
// base household named by the file; unknown keys are errors, reported with the file and the field path.
import { z } from 'zod';
import { COMPONENT_IDS, SUM_METRICS } from '../kernel/metrics.ts';
import type { SumMetricId } from '../kernel/metrics.ts';
import { PROGRAMME_NAMES } from '../model/codes.ts';
import { BASE_HOUSEHOLD_NAMES, testRecord } from '../testing/records.ts';
import type { HouseholdRecord } from '../trace/types.ts';

const HOUSEHOLD_KEYS = Object.keys(testRecord()) as [keyof HouseholdRecord, ...(keyof HouseholdRecord)[]];
const SUM_METRIC_IDS = SUM_METRICS.map(([id]) => id) as [SumMetricId, ...SumMetricId[]];
const amount = z.number().finite();

/** What the case expects: status, enrolment, components (every one not listed is 0) and national metric sums. */
const goldenOutput = z
  .object({
    status: z.enum(PROGRAMME_NAMES as [string, ...string[]]),
    enrol: amount,
    entrant: amount.optional(),
    leaver: amount.optional(),
    gradualExit: amount.optional(),
    tempEvents: amount.optional(),
    components: z.partialRecord(z.enum(COMPONENT_IDS), amount),
    metrics: z.partialRecord(z.enum(SUM_METRIC_IDS), amount).optional(),
  })
  .strict();

/** One golden case: a household over the file's base and a scenario patch → expected amounts, with the arithmetic. */
const goldenCase = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** The simulated year: the scenario runs under the law in force on its 1 January. */
    period: z.number().int().min(2000).max(2100),
    /** Where the rule the case checks is written (POLICY.md section, legal source). */
    reference: z.string().min(1),
    arithmetic: z.string().min(10),
    input: z
      .object({
        /** Fields changed from the base household. */
        household: z.partialRecord(z.enum(HOUSEHOLD_KEYS), z.union([z.number(), z.string(), z.array(z.number())])),
        /** Scenario fields (checked by parseScenario); the test supplies schemaVersion, name and projection. */
        scenario: z.record(z.string(), z.unknown()).optional(),
      })
      .strict(),
    output: goldenOutput,
  })
  .strict();

/** A golden case file: a note, the name of the base household every case starts from, and the cases. */
export const goldenFileSchema = z
  .object({
    '//': z.string().optional(),
    base: z.enum(BASE_HOUSEHOLD_NAMES),
    cases: z.array(goldenCase).min(1),
  })
  .strict();

/** A parsed golden case file. */
export type GoldenFile = z.infer<typeof goldenFileSchema>;

/** One parsed golden case. */
export type GoldenCase = GoldenFile['cases'][number];

/** Parse a golden file's JSON; throws one error naming the file and every bad field path. */
export function parseGoldenFile(file: string, json: unknown): GoldenFile {
  const parsed = goldenFileSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
    return `${file}: ${issue.path.join('.') || '(file)'}: ${issue.message}${keys}`;
  });
  throw new Error(problems.join('\n'));
}
