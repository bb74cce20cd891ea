/** Adds months to an ISO date, clamping to the month's last day (31 January + 1 month = 28 or 29 February). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The day before an ISO date. */
export function dayBefore(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** Last day of the contract with every renewal used (the calendars' latest possible end). */
export function finalEnd(c: { startDate: string; durationMonths: number; renewalCount: number; renewalMonths: number }): string {
  return dayBefore(addMonths(c.startDate, c.durationMonths + c.renewalCount * c.renewalMonths));
}
