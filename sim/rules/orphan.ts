// Orphan rules: the orphan basic living allowance (孤儿基本生活费) and how orphans sit beside the household's
// programme (one one-off payment per person; orphan-only households are supported by the allowance, not by dibao or
// tekun). Codes of the support type are SUPPORT_TYPE in sim/model/codes.ts.

/**
 * Monthly orphan basic living allowance of a household: orphans × the institutional amount when the household's
 * support type is centralised (1), else × the dispersed amount (dispersed, 2, or not recorded, 0: most orphans live
 * with relatives, and the dispersed national minimum is the lower one, so an unrecorded type never overstates cost).
 * Not means-tested and paid whatever the household's programme (民发〔2010〕161号).
 */
export function orphanAllowanceMonthly(
  orphans: number,
  supportType: number,
  institutional: number,
  dispersed: number,
): number {
  return orphans * (supportType === 1 ? institutional : dispersed);
}

/**
 * True when every member is an orphan: the household is supported by the orphan allowance instead of dibao, tekun,
 * marginal or rigid status (an orphan who also meets the tekun conditions is covered by the orphan allowance and not
 * recognised as tekun, 《特困人员认定办法》民发〔2021〕43号).
 */
export function orphanOnly(orphans: number, size: number): boolean {
  return orphans >= size;
}

/** Members covered by tekun support: the household's non-orphan members (orphans are covered by the allowance). */
export function tekunMembers(size: number, orphans: number): number {
  return size - Math.min(orphans, size);
}

/**
 * Persons paid a programme's one-off subsidy: the programme's persons other than orphans, who get the orphan
 * one-off instead (each person is paid one one-off subsidy, never two).
 */
export function programmeOneOffPersons(persons: number, orphans: number): number {
  return persons - Math.min(orphans, persons);
}
