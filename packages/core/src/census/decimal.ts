/** An exact decimal number: value = digits / 10^scale. */
export interface ExactDecimal {
  digits: bigint;
  scale: number;
}

export type DecimalParse = { ok: true; value: ExactDecimal } | { ok: false; reason: string };

/**
 * Parses a decimal typed the French or the English way, exactly: "1 234,56", "1234.56",
 * "1.234,56", "12 €". Never goes through floating point.
 */
export function parseDecimal(raw: string): DecimalParse {
  const compact = raw.replace(/[\s\u00a0\u202f€]/g, '');
  if (compact === '') return { ok: false, reason: 'valeur vide' };
  const normalized = normalizeSeparators(compact);
  const match = normalized === null ? null : /^(-?)(\d+)(?:\.(\d+))?$/.exec(normalized);
  if (!match) return { ok: false, reason: `« ${raw.trim()} » n’est pas un nombre (exemples acceptés : 1234,56 ou 1 234,56).` };
  const fraction = match[3] ?? '';
  const digits = BigInt(`${match[1]}${match[2]}${fraction}`);
  return { ok: true, value: { digits, scale: fraction.length } };
}

function normalizeSeparators(text: string): string | null {
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    const decimalSep = lastComma > lastDot ? ',' : '.';
    const thousandsSep = decimalSep === ',' ? '.' : ',';
    const [intPart, fracPart, ...rest] = text.split(decimalSep);
    if (rest.length > 0 || fracPart === undefined || intPart === undefined) return null;
    if (!isGrouped(intPart, thousandsSep)) return null;
    return `${intPart.split(thousandsSep).join('')}.${fracPart}`;
  }
  if (lastComma >= 0) return text.split(',').length === 2 ? text.replace(',', '.') : null;
  return text.split('.').length <= 2 ? text : null;
}

function isGrouped(intPart: string, sep: string): boolean {
  return new RegExp(`^-?\\d{1,3}(\\${sep}\\d{3})+$`).test(intPart);
}

export type CentsParse = { ok: true; cents: number } | { ok: false; reason: string };

/** Converts an exact decimal in euros to integer cents; refuses more than two significant decimals. */
export function decimalToCents(value: ExactDecimal): CentsParse {
  const { digits, scale } = value;
  if (scale <= 2) return { ok: true, cents: Number(digits * 10n ** BigInt(2 - scale)) };
  const divisor = 10n ** BigInt(scale - 2);
  if (digits % divisor !== 0n) return { ok: false, reason: 'un montant en euros a au plus 2 décimales (centimes).' };
  return { ok: true, cents: Number(digits / divisor) };
}

/** The decimal as a JavaScript number (for quantities, which are not money). */
export function decimalToNumber(value: ExactDecimal): number {
  return Number(formatExactDecimal(value));
}

/** Canonical text of an exact decimal with a dot: { digits: 12345n, scale: 2 } → "123.45". */
export function formatExactDecimal({ digits, scale }: ExactDecimal): string {
  const negative = digits < 0n;
  const text = (negative ? -digits : digits).toString().padStart(scale + 1, '0');
  const intPart = text.slice(0, text.length - scale);
  const fraction = text.slice(text.length - scale).replace(/0+$/, '');
  return `${negative ? '-' : ''}${intPart}${fraction ? `.${fraction}` : ''}`;
}

/**
 * quantity × unit price in cents, rounded half up to the cent, computed on integers:
 * 2,5 t × 123,45 € = 308,625 € → 30 863 cents.
 */
export function multiplyToCents(quantity: ExactDecimal, unitPriceCents: number): number {
  const scaleFactor = 10n ** BigInt(quantity.scale);
  const product = quantity.digits * BigInt(unitPriceCents);
  const rounded = (product * 2n + scaleFactor) / (scaleFactor * 2n);
  return Number(rounded);
}

/** French display of cents: 123456 → "1 234,56 €" (plain spaces, safe for every font). */
export function formatEuros(cents: number): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const euros = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  const rest = (abs % 100).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${euros},${rest} €`;
}
