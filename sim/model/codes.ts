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

/**
 * How a tekun person or an orphan is supported: in an institution (centralised, 集中供养 / 机构集中养育) or at home
 * and with relatives (dispersed, 分散供养 / 社会散居). Household `support_type` columns hold these codes; `unknown`
 * (the column absent or not recorded) falls back to the documented blend for tekun care and the dispersed amount
 * for orphans.
 */
export const SUPPORT_TYPE = { unknown: 0, centralised: 1, dispersed: 2 } as const;
export type SupportTypeName = keyof typeof SUPPORT_TYPE;
export const SUPPORT_TYPE_NAMES: readonly SupportTypeName[] = ['unknown', 'centralised', 'dispersed'];
