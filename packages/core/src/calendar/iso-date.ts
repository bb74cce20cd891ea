import type { IsoDate } from '../domain/types';

// Integer civil-calendar arithmetic (H. Hinnant's days_from_civil): no Date objects in the per-member loop.
function parse(date: IsoDate): [number, number, number] {
  return [digitsAt(date, 0, 4), digitsAt(date, 5, 7), digitsAt(date, 8, 10)];
}

/** `Number(date.slice(from, to))`, read from char codes when they are all digits (the usual case: no substring). */
function digitsAt(date: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i += 1) {
    const digit = date.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return Number(date.slice(from, to));
    value = value * 10 + digit;
  }
  return value;
}

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Days since 1970-01-01 of an ISO date (pure arithmetic: no clock, no time zone). */
export function toDayNumber(date: IsoDate): number {
  const [y, m, d] = parse(date);
  return daysFromCivil(y, m, d);
}

/** ISO date of a day number. */
export function fromDayNumber(day: number): IsoDate {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return `${pad(yoe + era * 400 + (m <= 2 ? 1 : 0), 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** Adds days to an ISO date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Adds calendar months, clamping to the last day of the month (31 Jan + 1 month → 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parse(date);
  const monthIndex = y * 12 + (m - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const lastDay = month === 2 && isLeap(year) ? 29 : (MONTH_DAYS[month - 1] as number);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(Math.min(d, lastDay), 2)}`;
}

/** Whole days from `a` to `b` (negative when b precedes a). */
export function diffDays(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
/** Calendars format the same few dates for every member: a bounded memo (a pure function, so no observable state). */
const formattedFr = new Map<string, string>();
const FORMATTED_FR_LIMIT = 4096;

/** French long date: 2026-09-01 → « 1er septembre 2026 ». */
export function formatDateFr(date: IsoDate): string {
  let text = formattedFr.get(date);
  if (text === undefined) {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    text = `${d === 1 ? '1er' : d} ${MONTHS_FR[m - 1]} ${y}`;
    if (formattedFr.size >= FORMATTED_FR_LIMIT) formattedFr.clear();
    formattedFr.set(date, text);
  }
  return text;
}
