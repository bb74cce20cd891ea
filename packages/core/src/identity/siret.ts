/** Why a SIRET such as 00000000000000 is refused (see `isPlaceholderSiret`). */
export const PLACEHOLDER_REASON = 'Identifiant de remplissage : un SIREN d’un seul chiffre répété ne désigne personne.';

/** SIREN of La Poste: its establishments' SIRETs do not satisfy Luhn; their digit sum is a multiple of 5. */
const LA_POSTE_SIREN = '356000000';

/** Luhn checksum over a digit string (the rightmost digit is not doubled). */
export function hasValidLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    const fromRight = digits.length - 1 - i;
    let d = digits.charCodeAt(i) - 48;
    if (fromRight % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Removes spaces, dots and dashes people type in SIRETs ("130 018 989 00017"). */
export function normalizeSiret(raw: string): string {
  return raw.replace(/[\s.\-\u00a0]/g, '');
}

export type SiretCheck = { ok: true; siret: string } | { ok: false; reason: string };

/** Checks a SIRET: 14 digits, a SIREN that is no placeholder and passes Luhn, and Luhn over the 14 digits except for La Poste. */
export function checkSiret(raw: string): SiretCheck {
  const siret = normalizeSiret(raw);
  if (!/^\d{14}$/.test(siret)) return { ok: false, reason: 'Le SIRET doit comporter exactement 14 chiffres.' };
  const siren = siret.slice(0, 9);
  if (isPlaceholderSiret(siret)) return { ok: false, reason: PLACEHOLDER_REASON };
  if (!hasValidLuhn(siren)) return { ok: false, reason: 'Le SIREN (9 premiers chiffres) a une clé de contrôle invalide.' };
  if (siren === LA_POSTE_SIREN) {
    const digitSum = [...siret].reduce((s, c) => s + Number(c), 0);
    return digitSum % 5 === 0
      ? { ok: true, siret }
      : { ok: false, reason: 'SIRET de La Poste invalide (somme des chiffres non multiple de 5).' };
  }
  if (!hasValidLuhn(siret)) return { ok: false, reason: 'Le SIRET a une clé de contrôle (Luhn) invalide.' };
  return { ok: true, siret };
}

/** « 00000000000000 »: satisfies Luhn, names nobody; publishers type it where they have no SIRET, so unrelated bodies share it. */
export function isPlaceholderSiret(raw: string): boolean {
  return /^(\d)\1{8}/.test(normalizeSiret(raw));
}

export function isValidSiret(raw: string): boolean {
  return checkSiret(raw).ok;
}

/** The SIREN (legal unit) of a SIRET: two establishments of one body share it. */
export function sirenOf(siret: string): string {
  return normalizeSiret(siret).slice(0, 9);
}

/** Completes a 13-digit prefix with the digit that makes a valid (Luhn) SIRET. Used to build fictional demo SIRETs. */
export function completeSiret(prefix13: string): string {
  for (let d = 0; d <= 9; d += 1) {
    const candidate = `${prefix13}${d}`;
    if (hasValidLuhn(candidate)) return candidate;
  }
  throw new Error(`unreachable: no Luhn digit for ${prefix13}`);
}

/** Completes an 8-digit prefix into a Luhn-valid SIREN. */
export function completeSiren(prefix8: string): string {
  return completeLuhn(prefix8);
}

function completeLuhn(prefix: string): string {
  for (let d = 0; d <= 9; d += 1) {
    if (hasValidLuhn(`${prefix}${d}`)) return `${prefix}${d}`;
  }
  throw new Error(`unreachable: no Luhn digit for ${prefix}`);
}

/** Builds a valid fictional SIRET from a SIREN prefix (8 digits) and an establishment number (4 digits). */
export function buildSiret(sirenPrefix8: string, nic4: string): string {
  const siren = completeLuhn(sirenPrefix8);
  return completeSiret(`${siren}${nic4}`);
}
