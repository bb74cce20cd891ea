/**
 * Reads a date typed as `jj/mm/aaaa` (also `j/m/aaaa`, with `.` or `-` separators) or as ISO
 * `aaaa-mm-jj`, and returns it as ISO `YYYY-MM-DD`; null when it is not a real calendar date.
 * The browser's locale plays no part, so every user reads and types dates the French way.
 */
export function parseFrenchDate(text: string): string | null {
  const trimmed = text.trim();
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const parts = french ? [french[3], french[2], french[1]] : iso ? [iso[1], iso[2], iso[3]] : null;
  if (!parts) return null;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31/02 over to 3 March: a date that does not round-trip does not exist.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `YYYY-MM-DD` → `jj/mm/aaaa` (the text a French reader expects); other input is returned unchanged. */
export function formatFrenchDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}
