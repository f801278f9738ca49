// Age at a session from calendar dates. Parsed strictly (YYYY-MM-DD) because a swapped day and
// month would silently shift a child's age band.

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function parseIsoDate(text: string, what: string): CalendarDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) throw new Error(`${what}: expected a date as YYYY-MM-DD, got "${text}".`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new Error(`${what}: "${text}" is not a calendar date.`);
  }
  return { year, month, day };
}

export interface AgeAtDate {
  readonly years: number;
  readonly months: number;
  /** Decimal years (days / 365.25), for matching reference ages. */
  readonly decimalYears: number;
  /** e.g. "8 y 4 m". */
  readonly text: string;
}

export function ageAtDate(dateOfBirth: string, onDate: string): AgeAtDate {
  const b = parseIsoDate(dateOfBirth, 'Date of birth');
  const d = parseIsoDate(onDate, 'Session date');
  let months = (d.year - b.year) * 12 + (d.month - b.month);
  if (d.day < b.day) months -= 1;
  if (months < 0) throw new Error(`Session date ${onDate} is before the date of birth ${dateOfBirth}.`);
  const days = (Date.UTC(d.year, d.month - 1, d.day) - Date.UTC(b.year, b.month - 1, b.day)) / 86_400_000;
  const years = Math.floor(months / 12);
  return { years, months: months % 12, decimalYears: days / 365.25, text: `${years} y ${months % 12} m` };
}
