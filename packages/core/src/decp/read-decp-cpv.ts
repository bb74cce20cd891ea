import { getCpv } from '../cpv/cpv-catalog';
import { mapCpv2003 } from '../cpv/map-cpv-2003';
import type { DecpFlag } from './decp-flag';
import { readText } from './raw-record';

/** The CPV 2008 code a record is filed under ('' when none could be found) and the flag saying how it was found. */
export interface DecpCpvReading {
  code: string;
  flag: Extract<DecpFlag, { code: 'cpv_2003' | 'cpv_repaired' | 'cpv_unknown' }> | null;
}

const CPV_TEXT = /^(\d{7,8})(?:-\d)?$/;
const WHITESPACES = /\s/g;
/** "CPV 66513200-1", "code CPV : 66513200" in an objet. */
const CPV_IN_TEXT = /\bcpv\s*(?:n°|:)?\s*(\d{8})(?:-\d)?\b/i;

/**
 * Reads `codeCPV` into a CPV 2008 code, in this order: a CPV 2008 code (check digit ignored, a
 * 7-digit code read with its lost leading zero); a CPV 2003 code, converted by the official
 * correspondence table (flagged `cpv_2003`); a 7-digit code read with a lost trailing zero, or the
 * nearest parent code that exists in either nomenclature (`cpv_repaired`); a CPV 2008 code quoted in
 * the objet (`cpv_repaired`, how `objet`); else none ('' with `cpv_unknown`).
 */
export function readDecpCpv(value: unknown, objet: string | null): DecpCpvReading {
  const text = readText(value)?.replace(WHITESPACES, '') ?? null;
  const digits = text === null ? null : (CPV_TEXT.exec(text)?.[1] ?? null);
  if (digits !== null && text !== null) {
    const exact = readExact(digits.padStart(8, '0'), text);
    if (exact !== null) return exact;
    if (digits.length === 7) {
      const padded = digits.padEnd(8, '0');
      if (getCpv(padded)) return { code: padded, flag: { code: 'cpv_repaired', value: padded, published: text, how: 'padded' } };
    }
    const parent = nearestParent(digits.padStart(8, '0'));
    if (parent !== null) return { code: parent, flag: { code: 'cpv_repaired', value: parent, published: text, how: 'ancestor' } };
  }
  const quoted = objet === null ? undefined : CPV_IN_TEXT.exec(objet)?.[1];
  if (quoted !== undefined && getCpv(quoted)) {
    return { code: quoted, flag: { code: 'cpv_repaired', value: quoted, published: text ?? '', how: 'objet' } };
  }
  return { code: '', flag: { code: 'cpv_unknown', value: '', published: text } };
}

function readExact(code: string, published: string): DecpCpvReading | null {
  if (getCpv(code)) return { code, flag: null };
  const mapped = mapCpv2003(code);
  return mapped === undefined ? null : { code: mapped, flag: { code: 'cpv_2003', value: mapped, published } };
}

/** The nearest parent (trailing digits zeroed, down to the division) that is a CPV 2008 code, or a CPV 2003 one converted. */
function nearestParent(code: string): string | null {
  for (let digits = 7; digits >= 2; digits -= 1) {
    const candidate = code.slice(0, digits).padEnd(8, '0');
    if (candidate === code) continue;
    if (getCpv(candidate)) return candidate;
    const mapped = mapCpv2003(candidate);
    if (mapped !== undefined) return mapped;
  }
  return null;
}
