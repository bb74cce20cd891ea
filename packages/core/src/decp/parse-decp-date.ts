import type { IsoDate } from '../domain/types';

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T+\-Z ])/;

/**
 * The calendar date of a DECP date: `2018-12-17`, `2018-12-17+01:00` (PES), `2018-12-17T10:00:00Z`.
 * The offset is dropped, not applied: the publisher meant that local calendar day.
 */
export function parseDecpDate(text: string): IsoDate | null {
  const match = DATE.exec(text.trim());
  if (!match) return null;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  const iso = date.toISOString().slice(0, 10);
  return iso === `${y}-${m}-${d}` ? iso : null;
}

/** `date` plus whole months, clamped to the month's last day (2019-01-31 + 1 → 2019-02-28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const firstOfTarget = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  firstOfTarget.setUTCDate(Math.min(d, lastDay));
  return firstOfTarget.toISOString().slice(0, 10);
}
