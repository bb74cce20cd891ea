import { checkCpv } from '../cpv/cpv-code';
import { foldText } from '../cpv/cpv-catalog';
import { NEED_CONFIDENCES, type NeedConfidence } from '../domain/types';
import { resolveCommune } from '../geo/resolve-commune';
import { checkSiret } from '../identity/siret';
import { readUnitFr, unitNameFr } from '../units/french-units';
import { UNITS, type UnitCode } from '../units/units';
import { CHOICE_SEPARATOR, CONFIDENCE_LABELS_FR, type CensusColumnKey } from './census-columns';
import type { CensusCellIssue, CensusCells, CensusRowValidation } from './census-row';
import { decimalToCents, decimalToNumber, type ExactDecimal, formatEuros, multiplyToCents, parseDecimal } from './decimal';

/** Largest accepted gap between the stated annual amount and quantity × unit price, in cents (1 €). */
export const AMOUNT_TOLERANCE_CENTS = 100;

export interface ValidateCensusRowOptions {
  /** When given, the SIRET must be one of these organizations. */
  knownSirets?: ReadonlySet<string>;
  /** Départements of the territory: a commune name shared elsewhere in France resolves to the one here. */
  preferredDepartementCodes?: readonly string[];
}

/** Validates the raw text of one census row; every failing cell yields one French reason. */
export function validateCensusRow(cells: CensusCells, options: ValidateCensusRowOptions = {}): CensusRowValidation {
  const issues: CensusCellIssue[] = [];
  const fail = (key: CensusColumnKey, reason: string): null => {
    issues.push({ key, reason });
    return null;
  };
  const text = (key: CensusColumnKey): string => (cells[key] ?? '').trim();

  const siret = readSiret(text('organizationSiret'), options.knownSirets, (r) => fail('organizationSiret', r));
  const cpvCode = readCpv(text('cpvCode'), (r) => fail('cpvCode', r));
  const label = text('label');
  if (label === '') fail('label', 'Le libellé est obligatoire.');
  else if (label.length > 300) fail('label', 'Le libellé dépasse 300 caractères.');

  const quantity = readPositive(text('quantity'), 'La quantité', (r) => fail('quantity', r));
  const unitReading = readUnit(text('unit'), (r) => fail('unit', r));
  const unit = unitReading?.unit ?? null;
  if (quantity !== null && unit === null && text('unit') === '') fail('unit', 'L’unité est obligatoire quand une quantité est indiquée.');
  const unitsPerPack = readUnitsPerPack(text('unitsPerPack'), unitReading, (r) => fail('unitsPerPack', r));
  const unitPriceCents = readCents(text('unitPrice'), 'Le prix unitaire', (r) => fail('unitPrice', r));
  const statedCents = readCents(text('annualAmount'), 'Le montant annuel', (r) => fail('annualAmount', r));
  const deliveryCommunes = readCommunes(text('deliveryCommunes'), options.preferredDepartementCodes ?? [], (r) =>
    fail('deliveryCommunes', r),
  );
  const confidence = readConfidence(text('confidence'), (r) => fail('confidence', r));

  const derivedCents = quantity !== null && unitPriceCents !== null ? multiplyToCents(quantity, unitPriceCents) : null;
  if (statedCents !== null && derivedCents !== null && Math.abs(statedCents - derivedCents) > AMOUNT_TOLERANCE_CENTS) {
    fail(
      'annualAmount',
      `Le montant annuel (${formatEuros(statedCents)}) diffère de quantité × prix unitaire (${formatEuros(derivedCents)}) de plus de 1 €.`,
    );
  }
  const annualAmountCents = statedCents ?? derivedCents;
  const amountInputsFailed = issues.some((i) => i.key === 'quantity' || i.key === 'unitPrice');
  if (annualAmountCents === null && text('annualAmount') === '' && !amountInputsFailed) {
    fail('annualAmount', 'Indiquez le montant annuel, ou la quantité et le prix unitaire.');
  }
  if (issues.length > 0 || siret === null || cpvCode === null || annualAmountCents === null || deliveryCommunes === null) {
    return { ok: false, issues };
  }
  return {
    ok: true,
    value: {
      organizationSiret: siret,
      cpvCode,
      label,
      quantity: quantity === null ? null : decimalToNumber(quantity),
      unit,
      unitsPerPack,
      unitPriceCents,
      annualAmountCents,
      amountIsDerived: statedCents === null,
      deliveryCommunes,
      csrRequirements: splitList(text('csrRequirements')),
      qualityRequirements: text('qualityRequirements'),
      confidence: confidence ?? 'estimated',
    },
  };
}

/** Drop-down values read "code – label": keep the code part. */
function choiceCode(raw: string): string {
  const cut = raw.indexOf(CHOICE_SEPARATOR.trim());
  return (cut >= 0 ? raw.slice(0, cut) : raw).trim();
}

function readSiret(raw: string, known: ReadonlySet<string> | undefined, fail: (r: string) => null): string | null {
  if (raw === '') return fail('Le SIRET de l’organisation est obligatoire.');
  const check = checkSiret(choiceCode(raw));
  if (!check.ok) return fail(check.reason);
  if (known && !known.has(check.siret)) return fail(`Le SIRET ${check.siret} n’est celui d’aucune organisation du territoire.`);
  return check.siret;
}

function readCpv(raw: string, fail: (r: string) => null): string | null {
  if (raw === '') return fail('Le code CPV est obligatoire.');
  const check = checkCpv(choiceCode(raw));
  return check.ok ? check.code : fail(check.reason);
}

/** How the file readers give a cell the spreadsheet stores as a date (XLSX date formats, ISO text). */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A number column holding a date: the spreadsheet turned what was typed into a date (« 1/2 »
 * becomes the 1st of February or the 2nd of January). Read as its serial number it became an
 * absurd quantity (46 389 booklets), so it is refused, naming the date.
 */
function dateInNumberColumn(raw: string, what: string): string | null {
  const date = ISO_DATE.exec(raw);
  if (!date) return null;
  return (
    `${what} est une date (${date[3]}/${date[2]}/${date[1]}) : le tableur a converti la saisie en date ` +
    '(« 1/2 » devient le 1er février ou le 2 janvier). Saisissez un nombre, par ex. 0,5, dans une cellule au format Nombre.'
  );
}

function readPositive(raw: string, what: string, fail: (r: string) => null): ExactDecimal | null {
  if (raw === '') return null;
  const asDate = dateInNumberColumn(raw, what);
  if (asDate) return fail(asDate);
  const parsed = parseDecimal(raw);
  if (!parsed.ok) return fail(`${what} : ${parsed.reason}`);
  if (parsed.value.digits <= 0n) return fail(`${what} doit être strictement positive.`);
  return parsed.value;
}

function readCents(raw: string, what: string, fail: (r: string) => null): number | null {
  if (raw === '') return null;
  const asDate = dateInNumberColumn(raw, what);
  if (asDate) return fail(asDate);
  const parsed = parseDecimal(raw);
  if (!parsed.ok) return fail(`${what} : ${parsed.reason}`);
  if (parsed.value.digits <= 0n) return fail(`${what} doit être strictement positif.`);
  const cents = decimalToCents(parsed.value);
  return cents.ok ? cents.cents : fail(`${what} : ${cents.reason}`);
}

function readUnit(raw: string, fail: (r: string) => null): { unit: UnitCode; unitsPerPack: number | null } | null {
  if (raw === '') return null;
  const reading = readUnitFr(choiceCode(raw));
  return reading.ok ? reading : fail(reading.reason);
}

/** Units per box or lot: from its own column, or from the unit as typed (« boîtes de 100 »); both must agree. */
function readUnitsPerPack(
  raw: string,
  reading: { unit: UnitCode; unitsPerPack: number | null } | null,
  fail: (r: string) => null,
): number | null {
  const unit = reading?.unit ?? null;
  const fromUnit = reading?.unitsPerPack ?? null;
  const needsCount = unit !== null && UNITS[unit].toBase === null && unit !== 'lump_sum';
  if (raw === '') return fromUnit ?? (needsCount ? fail(`Indiquez le nombre d’unités par ${unitNameFr(unit)}.`) : null);
  const asDate = dateInNumberColumn(raw, 'Le nombre d’unités par conditionnement');
  if (asDate) return fail(asDate);
  if (!/^\d+$/.test(raw) || Number(raw) <= 0) return fail('Le nombre d’unités par conditionnement est un entier positif.');
  if (fromUnit !== null && fromUnit !== Number(raw)) {
    return fail(`L’unité dit ${fromUnit} unités par ${unitNameFr(unit ?? 'box')}, cette colonne ${raw} : indiquez le même nombre.`);
  }
  return Number(raw);
}

/**
 * Delivery communes: INSEE codes or names, separated by commas, semicolons or line breaks (codes
 * also by spaces); each name resolves to its INSEE code (`resolveCommune`).
 */
function readCommunes(raw: string, preferredDepartementCodes: readonly string[], fail: (r: string) => null): string[] | null {
  const parts = raw
    .split(/[,;\n]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .flatMap((part) => (/^(\d{5}|2[ab]\d{3})(\s+(\d{5}|2[ab]\d{3}))+$/i.test(part) ? part.split(/\s+/) : [part]));
  const codes: string[] = [];
  const reasons: string[] = [];
  for (const part of parts) {
    const resolution = resolveCommune(part, { preferredDepartementCodes });
    if (resolution.ok) codes.push(resolution.commune.code);
    else reasons.push(resolution.reason);
  }
  if (reasons.length > 0) return fail(reasons.join(' '));
  return [...new Set(codes)];
}

const CONFIDENCE_BY_WORD = new Map<string, NeedConfidence>([
  ...NEED_CONFIDENCES.map((c): [string, NeedConfidence] => [c, c]),
  ...NEED_CONFIDENCES.map((c): [string, NeedConfidence] => [foldText(CONFIDENCE_LABELS_FR[c]), c]),
  ['estimee', 'estimated'],
  ['indicative', 'indicative'],
]);

function readConfidence(raw: string, fail: (r: string) => null): NeedConfidence | null {
  if (raw === '') return null;
  const found = CONFIDENCE_BY_WORD.get(foldText(choiceCode(raw)));
  return found ?? fail(`Confiance inconnue « ${raw} » ; valeurs possibles : ferme, estimé, indicatif.`);
}

/** CSR requirements are separated by semicolons or line breaks (commas may appear inside one). */
function splitList(raw: string): string[] {
  return raw
    .split(/[;\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
