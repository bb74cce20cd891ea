import { dayToIso, formatShortMonth, isoToDay } from './french-dates';

export interface TimeScale {
  /** x in pixels of an ISO date, clamped to the plotted range. */
  x: (iso: string) => number;
  fromDay: number;
  toDay: number;
}

export interface TimeTick {
  x: number;
  label: string;
  /** January ticks carry the year and a stronger grid line. */
  isYearStart: boolean;
}

/** A linear date → pixel scale between `from` and `to` over `width` pixels starting at `left`. */
export function buildTimeScale({ from, to, left, width }: { from: string; to: string; left: number; width: number }): TimeScale {
  const fromDay = isoToDay(from);
  const toDay = Math.max(fromDay + 1, isoToDay(to));
  const perDay = width / (toDay - fromDay);
  const x = (iso: string) => left + (Math.min(toDay, Math.max(fromDay, isoToDay(iso))) - fromDay) * perDay;
  return { x, fromDay, toDay };
}

/** Month ticks; every `step` months (1, 3, 6 or 12) so labels never overlap at the plotted width. */
export function monthTicks(scale: TimeScale, width: number): TimeTick[] {
  const months = (scale.toDay - scale.fromDay) / 30.44;
  const step = [1, 3, 6, 12].find((s) => (months / s) * 42 <= width) ?? 12;
  const first = new Date(scale.fromDay * 86_400_000);
  const cursor = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1));
  const ticks: TimeTick[] = [];
  while (isoToDay(cursor.toISOString().slice(0, 10)) < scale.toDay) {
    const iso = cursor.toISOString().slice(0, 10);
    const month = cursor.getUTCMonth();
    if (month % step === 0) {
      const isYearStart = month === 0;
      ticks.push({ x: scale.x(iso), label: isYearStart ? String(cursor.getUTCFullYear()) : formatShortMonth(isoToDay(iso)), isYearStart });
    }
    cursor.setUTCMonth(month + 1);
  }
  return ticks;
}

/** The ISO date `days` days before or after `iso`. */
export function shiftIso(iso: string, days: number): string {
  return dayToIso(isoToDay(iso) + days);
}
