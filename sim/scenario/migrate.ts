// Migration hook: upgrades scenario files written by older versions to the current schemaVersion before validation.
import type { ScenarioError } from './types.ts';
import { SCENARIO_SCHEMA_VERSION } from './types.ts';

type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

/** Migrations keyed by the version they upgrade FROM; each returns the next version. Version 1 is the first. */
const MIGRATIONS: Record<number, Migration> = {};

/** Bring an unknown scenario object to the current schema version, or explain why it cannot be. */
export function migrateScenario(input: unknown): { ok: true; value: unknown } | { ok: false; errors: ScenarioError[] } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      errors: [{ path: '', messageZh: '情景应为 JSON 对象', messageEn: 'A scenario must be a JSON object' }],
    };
  }
  let value = input as Record<string, unknown>;
  let version = value.schemaVersion;
  if (version === undefined) {
    return {
      ok: false,
      errors: [
        {
          path: 'schemaVersion',
          messageZh: `缺少 schemaVersion（当前版本 ${SCENARIO_SCHEMA_VERSION}）`,
          messageEn: `schemaVersion is missing (current version ${SCENARIO_SCHEMA_VERSION})`,
        },
      ],
    };
  }
  while (typeof version === 'number' && version < SCENARIO_SCHEMA_VERSION && MIGRATIONS[version]) {
    value = MIGRATIONS[version](value);
    version = value.schemaVersion;
  }
  if (version !== SCENARIO_SCHEMA_VERSION) {
    return {
      ok: false,
      errors: [
        {
          path: 'schemaVersion',
          messageZh: `不支持的 schemaVersion：${String(version)}（支持 ${SCENARIO_SCHEMA_VERSION}）`,
          messageEn: `Unsupported schemaVersion: ${String(version)} (supported: ${SCENARIO_SCHEMA_VERSION})`,
        },
      ],
    };
  }
  return { ok: true, value };
}
