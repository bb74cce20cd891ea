import { field, objectField, type RawObject, readText, readWrappedList } from './raw-record';

/**
 * A stable identifier for a record published without `id`: « SANS-ID- » and 16 hexadecimal digits
 * of a hash (two FNV-1a 32-bit passes) of what tells two contracts of one buyer apart — objet,
 * dates, amount, duration, CPV code, place, holders. Re-importing the same record gives the same
 * identifier; two records identical on all of these are one contract published twice.
 */
export function synthesizeDecpId(raw: RawObject): string {
  const holders = readWrappedList(raw.titulaires, 'titulaire').map((h) => readText(field(h, 'id')) ?? '');
  const parts = [
    raw.objet,
    raw.dateNotification,
    raw.datePublicationDonnees,
    raw.montant,
    raw.dureeMois,
    raw.codeCPV,
    field(objectField(raw, 'lieuExecution'), 'code'),
    holders.join(','),
  ].map((value) => readText(value) ?? '');
  const text = parts.join('\u241f');
  return `SANS-ID-${fnv1a(text, 0x811c9dc5)}${fnv1a(text, 0x01000193)}`;
}

function fnv1a(text: string, seed: number): string {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
