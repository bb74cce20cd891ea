import type { IsoDate } from '../domain/types';

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T+\-Z ])/;
const EARLIEST_YEAR = 1980;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The calendar date of a DECP date: `2018-12-17`, `2018-12-17+01:00` (PES), `2018-12-17T10:00:00Z`.
 * The offset is dropped, not applied: the publisher meant that local calendar day. Years before
 * 1980 are refused: the DECP began with the 2016 reform, and a contract still in force then would
 * have lasted over 35 years; what comes before is a typing slip (« 0218-10-29 » for 2018, seen in
 * the real records), which the import then reads as an absent date.
 */
export function parseDecpDate(text: string): IsoDate | null {
  const match = DATE.exec(text.trim());
  if (!match) return null;
  const [, y, m, d] = match as unknown as [string, string, string, string];
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (year < EARLIEST_YEAR || month < 1 || month > 12 || day < 1) return null;
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lastDay = month === 2 && isLeap ? 29 : (MONTH_DAYS[month - 1] as number);
  return day <= lastDay ? `${y}-${m}-${d}` : null;
}

/** Month arithmetic shared with the calendar (day clamped to the month's last day: 31 Jan + 1 → 28/29 Feb). */
export { addMonths } from '../calendar/iso-date';
