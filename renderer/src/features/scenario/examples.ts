// The shipped example scenarios (datasets/scenarios/*.json), bundled at build time so they load offline in both the
// browser and Electron builds; each is validated by the engine before it can be loaded.
import { parseScenario } from '../../../../sim/index.ts';
import type { JsonValue } from './param-form.ts';

/** One shipped example: file stem, display name, the document, and whether the engine accepts it. */
export interface ExampleScenario {
  id: string;
  name: string;
  document: JsonValue;
  valid: boolean;
}

const files = import.meta.glob<JsonValue>('../../../../datasets/scenarios/*.json', { eager: true, import: 'default' });

/** Builds the example list from a path → document map (skips the published JSON Schema). */
export function examplesFrom(modules: Record<string, JsonValue>): ExampleScenario[] {
  return Object.entries(modules)
    .filter(([path]) => !path.endsWith('.schema.json'))
    .map(([path, document]) => {
      const id = path.replace(/^.*\//, '').replace(/\.json$/, '');
      const name =
        document && typeof document === 'object' && !Array.isArray(document) && typeof document.name === 'string'
          ? document.name
          : id;
      return { id, name, document, valid: parseScenario(document).ok };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** The examples shipped with this build. */
export const EXAMPLE_SCENARIOS: readonly ExampleScenario[] = examplesFrom(files);
