const MS_PER_DAY = 86_400_000;
const longDate = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortMonth = new Intl.DateTimeFormat('fr-FR', { month: 'short', timeZone: 'UTC' });

/** Days since 1970-01-01 of an ISO `YYYY-MM-DD` date (UTC: no time zone shifts a day). */
export function isoToDay(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY);
}

/** ISO `YYYY-MM-DD` of a day number. */
export function dayToIso(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The ISO date `months` calendar months after `iso` (same day of month, clamped by the calendar). */
export function addMonthsIso(iso: string, months: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}

/** "25 août 2027"; an em dash when the date is missing. */
export function formatDateFr(iso: string | null | undefined): string {
  if (!iso) return '—';
  // French writes the first day of a month as an ordinal: "1er janvier".
  return longDate.format(new Date(`${iso}T00:00:00Z`)).replace(/^1 /, '1er ');
}

/** "janv.", "févr." … for axis ticks. */
export function formatShortMonth(day: number): string {
  return shortMonth.format(new Date(day * MS_PER_DAY));
}

/** "+3 mois", "−12 jours": a signed shift between two dates, in the unit a reader expects. */
export function formatDayShift(days: number): string {
  const sign = days > 0 ? '+' : days < 0 ? '−' : '';
  const abs = Math.abs(days);
  if (abs >= 60) return `${sign}${Math.round(abs / 30.44)} mois`;
  return `${sign}${abs} jour${abs > 1 ? 's' : ''}`;
}
