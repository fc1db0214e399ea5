// Catalogue integrity: a parameter that takes effect under a switch names a real switch of the same reach.
import { describe, expect, it } from 'vitest';
import { PARAM_CATALOGUE, getParamDef } from './catalogue.ts';
import type { ParamDef } from './types.ts';

describe('parameter catalogue', () => {
  it('links each dependent parameter to a switch that can be set where the parameter can', () => {
    const linked = (PARAM_CATALOGUE as readonly ParamDef[]).filter((def) => def.appliesWith !== undefined);
    expect(linked.map((def) => def.id)).toContain('standard.consumptionRatioRural');
    for (const def of linked) {
      const parent = getParamDef(def.appliesWith!);
      expect(parent?.unit, def.id).toBe('switch');
      if (def.regional) expect(parent?.regional, def.id).toBe(true);
    }
  });
});
