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

/** Month arithmetic shared with the calendar (day clamped to the month's last day: 31 Jan + 1 → 28/29 Feb). */
export { addMonths } from '../calendar/iso-date';
