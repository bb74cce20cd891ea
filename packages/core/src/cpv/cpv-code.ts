import { getCpv } from './cpv-catalog';

/**
 * Levels of the CPV hierarchy, by number of significant leading digits:
 * division XX000000, group XXX00000, class XXXX0000, category XXXXX000.
 */
export const CPV_LEVELS = ['division', 'group', 'class', 'category'] as const;
export type CpvLevel = (typeof CPV_LEVELS)[number];

export const CPV_LEVEL_DIGITS: Record<CpvLevel, number> = { division: 2, group: 3, class: 4, category: 5 };

export type CpvCheck = { ok: true; code: string; label: string } | { ok: false; reason: string };

/**
 * Validates a CPV code typed or imported as `12345678`, `12345678-9` or with spaces.
 * It must exist in CPV 2008; a check digit, when given, must be the official one.
 */
export function checkCpv(raw: string): CpvCheck {
  const trimmed = raw.trim().replace(/\s/g, '');
  const match = /^(\d{8})(?:-(\d))?$/.exec(trimmed);
  if (!match)
    return { ok: false, reason: 'Le code CPV doit comporter 8 chiffres, éventuellement suivis d’un tiret et d’une clé (ex. 34928480-6).' };
  const code = match[1] as string;
  const entry = getCpv(code);
  if (!entry) return { ok: false, reason: `Le code CPV ${code} n’existe pas dans la nomenclature CPV 2008.` };
  if (match[2] !== undefined && match[2] !== entry.checkDigit) {
    return { ok: false, reason: `La clé de contrôle du code CPV ${code} est ${entry.checkDigit}, pas ${match[2]}.` };
  }
  return { ok: true, code, label: entry.labelFr };
}

/** Strips the check digit: "50700000-2" → "50700000". Does not validate. */
export function normalizeCpv(raw: string): string {
  return raw.trim().replace(/\s/g, '').slice(0, 8);
}

/** The code of the ancestor at a level: cpvAtLevel("34928480", "class") → "34920000". */
export function cpvAtLevel(code: string, level: CpvLevel): string {
  const digits = CPV_LEVEL_DIGITS[level];
  return code.slice(0, digits).padEnd(8, '0');
}

/** Number of significant digits of a code (its depth): "34920000" → 4. */
export function cpvSignificantDigits(code: string): number {
  const trimmed = code.replace(/0+$/, '');
  return Math.max(2, trimmed.length);
}

/** True when `code` lies under `prefixCode` in the hierarchy (or is it). */
export function isCpvUnder(code: string, prefixCode: string): boolean {
  const digits = cpvSignificantDigits(prefixCode);
  return code.slice(0, digits) === prefixCode.slice(0, digits);
}
