const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
const dateOnly = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });

/** « 13 décembre 2026 à 12:00 » (Paris time) from an ISO timestamp. */
export function formatDateTimeFr(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** « 31 janvier 2027 » from an ISO date `YYYY-MM-DD`. */
export function formatDateFr(isoDate: string): string {
  // French writes the first day of a month as an ordinal: « 1er juin 2027 ».
  return dateOnly.format(new Date(`${isoDate}T00:00:00Z`)).replace(/^1 /, '1er ');
}

/** « 1 contrat », « 3 contrats »: French plural of a count (no « (s) »). */
export function countOf(n: number, one: string, many: string): string {
  return `${n.toLocaleString('fr-FR')} ${n > 1 ? many : one}`;
}
