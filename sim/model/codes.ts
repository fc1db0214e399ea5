// Small integer codes shared by the engine, the data layer and the UI: areas, programmes, cost components.

/** Area of a region cell. Household `area` columns hold these codes. */
export const AREA = { urban: 0, rural: 1 } as const;
export type AreaName = keyof typeof AREA;
export const AREA_NAMES: readonly AreaName[] = ['urban', 'rural'];

/**
 * Programme a household is in. Dataset `programme` columns hold these codes (current status);
 * result `programme` columns hold the simulated status. Precedence for eligibility: tekun, dibao, marginal, rigid.
 */
export const PROGRAMME = { none: 0, dibao: 1, tekun: 2, marginal: 3, rigid: 4 } as const;
export type ProgrammeName = keyof typeof PROGRAMME;
export const PROGRAMME_NAMES: readonly ProgrammeName[] = ['none', 'dibao', 'tekun', 'marginal', 'rigid'];
