/** Milliseconds in a day: durations here are whole days, counted from the moment of acceptance. */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** The moment `days` whole days after `from`. */
export function addDays(from: Date, days: number): Date {
  return new Date(from.getTime() + days * DAY_MS);
}
