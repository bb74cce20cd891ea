import { checkSiret } from '../identity/siret';
import type { DecpHolder, DecpRejection } from './decp-award';
import { field, readNumber, readText, readWrappedList } from './raw-record';

/**
 * Checked DECP values shared by a record and its amendments (`modifications`): SIRETs, holder
 * lists, durations and amounts, with the same limits wherever they appear.
 */

/** No public contract runs a century: longer durations are publication errors (and would overflow dates). */
export const MAX_DURATION_MONTHS = 1200;
/** Largest amount kept (10^13 cents = 100 G€); larger values are publication errors. */
export const MAX_AMOUNT_CENTS = 1e13;

/** A checked SIRET, or null with a rejection of `path` (absent or invalid). */
export function readSiret(value: unknown, path: string, rejections: DecpRejection[]): string | null {
  const text = readText(value);
  if (text === null) {
    rejections.push({ field: path, reason: 'SIRET absent' });
    return null;
  }
  const check = checkSiret(text);
  if (check.ok) return check.siret;
  rejections.push({ field: path, reason: `SIRET « ${text} » invalide : ${check.reason}` });
  return null;
}

/**
 * The holders of a (possibly wrapped) `titulaires` list; a SIRET holder whose SIRET is invalid is
 * rejected as `<path>.<i>.id`. Empty blocks (no id) are skipped.
 */
export function readHolders(
  value: unknown,
  path: string,
  rejections: DecpRejection[],
  invalidSiret: 'reject' | 'keep' = 'reject',
): DecpHolder[] {
  const holders: DecpHolder[] = [];
  const items = readWrappedList(value, 'titulaire');
  for (let index = 0; index < items.length; index += 1) {
    const holder = items[index];
    const id = readText(field(holder, 'id'));
    if (id === null) continue; // an empty titulaire block: nothing to record
    const idType = readText(field(holder, 'typeIdentifiant'))?.toUpperCase() ?? 'SIRET';
    const name = readText(field(holder, 'denominationSociale'));
    if (idType !== 'SIRET') {
      holders.push({ idType, id, siret: null, name });
      continue;
    }
    // 'keep': a holder with an invalid SIRET stays as published, an unknown firm (siret null), instead of refusing the record.
    const siret = readSiret(id, `${path}.${index}.id`, invalidSiret === 'keep' ? [] : rejections);
    if (siret !== null || invalidSiret === 'keep') holders.push({ idType, id, siret, name });
  }
  return holders;
}

/** Whole months in 1…MAX_DURATION_MONTHS (fractions rounded, at least 1), else null. */
export function readDurationMonths(value: unknown): number | null {
  const months = readNumber(value);
  return months !== null && months > 0 && months <= MAX_DURATION_MONTHS ? Math.max(1, Math.round(months)) : null;
}

/** Montant HT in cents; 0 and negative amounts are publication placeholders, kept as "no amount". */
export function readAmountCents(value: unknown): number | null {
  const amount = readNumber(value);
  return amount !== null && amount > 0 && amount * 100 <= MAX_AMOUNT_CENTS ? Math.round(amount * 100) : null;
}
