// Dated parameter values (OpenFisca's `values:`): each value with the date it takes effect and its own reference.

/**
 * The year a dataset describes when a scenario names none: the demo and the reference figures are of 2024, and the
 * first simulated year (year index 0, no growth applied) is that year on every screen, in the CLI and in exports.
 * A parameter's `default` is its value in force in this year.
 */
export const DEFAULT_START_YEAR = 2024;

/** One value of a parameter, in force from the date that keys it, with the legal or source reference for it. */
export interface DatedValue {
  readonly value: number;
  readonly reference: string;
}

/** A parameter's legal history: ISO date (`2024-01-01`) → the value in force from that day. */
export type DatedValues = Readonly<Record<string, DatedValue>>;

/** The entry of a history in force at some instant, with the date it took effect. */
export interface ValueInForce extends DatedValue {
  readonly date: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True if `date` is an ISO calendar date `YYYY-MM-DD` (the only key form of `DatedValues`). */
export function isIsoDate(date: string): boolean {
  return ISO_DATE.test(date);
}

/** One dated entry from a single value and its source: today's one-value parameters in the dated form. */
export function singleValue(value: number, reference: string, inForce: string): DatedValues {
  return { [inForce]: { value, reference } };
}

/**
 * The value in force on 1 January of `year` (periods are calendar years, evaluated at their start as OpenFisca does
 * for annual periods): the latest dated value on or before that day. A year before the first date takes the first
 * value: the catalogue models every lever in every simulated year, and the first date records when its rule came in.
 */
export function valueInForce(values: DatedValues, year: number): ValueInForce {
  const dates = Object.keys(values).sort();
  if (dates.length === 0) throw new Error('A parameter has no dated value / 参数没有任何带日期的取值');
  const instant = `${String(year).padStart(4, '0')}-01-01`;
  let date = dates[0];
  for (const d of dates) if (d <= instant) date = d;
  return { date, ...values[date] };
}
