// Turns unknown JSON into a validated Scenario or a list of bilingual errors naming the field path and allowed range.
import type { z } from 'zod';
import { getParamDef } from '../params/catalogue.ts';
import { scenarioSchema } from './schema.ts';
import { migrateScenario } from './migrate.ts';
import type { ParseScenarioResult, Scenario, ScenarioError } from './types.ts';

function paramIdFromPath(path: readonly PropertyKey[]): string | undefined {
  const i = path.lastIndexOf('params');
  if (i < 0 || path.length !== i + 3) return undefined;
  return `${String(path[i + 1])}.${String(path[i + 2])}`;
}

function describeIssue(issue: z.core.$ZodIssue): ScenarioError {
  const path = issue.path.map(String).join('.');
  const def = (() => {
    const id = paramIdFromPath(issue.path);
    return id ? getParamDef(id) : undefined;
  })();
  const range = def ? `${def.min}–${def.max}` : undefined;
  switch (issue.code) {
    case 'too_small':
    case 'too_big': {
      const bound = 'minimum' in issue ? issue.minimum : 'maximum' in issue ? issue.maximum : '';
      const allowed = range ?? (issue.code === 'too_small' ? `≥ ${String(bound)}` : `≤ ${String(bound)}`);
      const what = def ? `${def.labelZh}` : path;
      const whatEn = def ? `${def.labelEn}` : path;
      if (issue.origin === 'array' || issue.origin === 'string') {
        return {
          path,
          messageZh: `${path}：长度超出允许范围（${allowed}）`,
          messageEn: `${path}: length outside the allowed range (${allowed})`,
        };
      }
      return {
        path,
        messageZh: `${path}（${what}）超出允许范围 ${allowed}`,
        messageEn: `${path} (${whatEn}) is outside the allowed range ${allowed}`,
      };
    }
    case 'unrecognized_keys':
      return {
        path: [path, issue.keys[0]].filter(Boolean).join('.'),
        messageZh: `${path || '情景'} 含未知字段：${issue.keys.join(', ')}`,
        messageEn: `${path || 'scenario'} has unknown field(s): ${issue.keys.join(', ')}`,
      };
    case 'invalid_type':
      return {
        path,
        messageZh: `${path}：类型错误，应为 ${issue.expected}`,
        messageEn: `${path}: wrong type, expected ${issue.expected}`,
      };
    case 'invalid_value':
      return {
        path,
        messageZh: `${path}：取值无效，允许 ${issue.values.map(String).join(' / ')}`,
        messageEn: `${path}: invalid value, allowed ${issue.values.map(String).join(' / ')}`,
      };
    case 'invalid_format':
      return {
        path,
        messageZh: `${path}：格式错误（地区代码应为2、4或6位数字）`,
        messageEn: `${path}: bad format (region codes are 2, 4 or 6 digits)`,
      };
    default:
      return { path, messageZh: `${path}：无效（${issue.message}）`, messageEn: `${path}: invalid (${issue.message})` };
  }
}

/** Validate unknown input (parsed JSON) as a scenario; returns errors as values, never throws. */
export function parseScenario(input: unknown): ParseScenarioResult {
  const migrated = migrateScenario(input);
  if (!migrated.ok) return migrated;
  const result = scenarioSchema.safeParse(migrated.value);
  if (result.success) return { ok: true, scenario: result.data satisfies Scenario };
  return { ok: false, errors: result.error.issues.map(describeIssue) };
}
