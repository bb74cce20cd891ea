import { checkCpv } from '../cpv/cpv-code';
import { foldText } from '../cpv/cpv-catalog';
import { NEED_CONFIDENCES, type NeedConfidence } from '../domain/types';
import { checkInseeCode } from '../geo/communes';
import { checkSiret } from '../identity/siret';
import { isUnitCode, UNIT_CODES, UNITS, type UnitCode } from '../units/units';
import { CHOICE_SEPARATOR, CONFIDENCE_LABELS_FR, type CensusColumnKey } from './census-columns';
import type { CensusCellIssue, CensusCells, CensusRowValidation } from './census-row';
import { decimalToCents, decimalToNumber, type ExactDecimal, formatEuros, multiplyToCents, parseDecimal } from './decimal';

/** Largest accepted gap between the stated annual amount and quantity × unit price, in cents (1 €). */
export const AMOUNT_TOLERANCE_CENTS = 100;

export interface ValidateCensusRowOptions {
  /** When given, the SIRET must be one of these organizations. */
  knownSirets?: ReadonlySet<string>;
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
  const unit = readUnit(text('unit'), (r) => fail('unit', r));
  if (quantity !== null && unit === null && text('unit') === '') fail('unit', 'L’unité est obligatoire quand une quantité est indiquée.');
  const unitsPerPack = readUnitsPerPack(text('unitsPerPack'), unit, (r) => fail('unitsPerPack', r));
  const unitPriceCents = readCents(text('unitPrice'), 'Le prix unitaire', (r) => fail('unitPrice', r));
  const statedCents = readCents(text('annualAmount'), 'Le montant annuel', (r) => fail('annualAmount', r));
  const deliveryCommunes = readCommunes(text('deliveryCommunes'), (r) => fail('deliveryCommunes', r));
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

function readPositive(raw: string, what: string, fail: (r: string) => null): ExactDecimal | null {
  if (raw === '') return null;
  const parsed = parseDecimal(raw);
  if (!parsed.ok) return fail(`${what} : ${parsed.reason}`);
  if (parsed.value.digits <= 0n) return fail(`${what} doit être strictement positive.`);
  return parsed.value;
}

function readCents(raw: string, what: string, fail: (r: string) => null): number | null {
  if (raw === '') return null;
  const parsed = parseDecimal(raw);
  if (!parsed.ok) return fail(`${what} : ${parsed.reason}`);
  if (parsed.value.digits <= 0n) return fail(`${what} doit être strictement positif.`);
  const cents = decimalToCents(parsed.value);
  return cents.ok ? cents.cents : fail(`${what} : ${cents.reason}`);
}

const UNIT_BY_LABEL = new Map<string, UnitCode>(UNIT_CODES.map((code) => [foldText(UNITS[code].labelFr), code]));

function readUnit(raw: string, fail: (r: string) => null): UnitCode | null {
  if (raw === '') return null;
  const code = choiceCode(raw);
  if (isUnitCode(code)) return code;
  const byLabel = UNIT_BY_LABEL.get(foldText(code));
  if (byLabel) return byLabel;
  return fail(
    `Unité inconnue « ${raw} » ; choisissez une valeur de la liste (${UNIT_CODES.map((code) => UNITS[code].labelFr).join(', ')}).`,
  );
}

function readUnitsPerPack(raw: string, unit: UnitCode | null, fail: (r: string) => null): number | null {
  const needsCount = unit !== null && UNITS[unit].toBase === null && unit !== 'lump_sum';
  if (raw === '') return needsCount ? fail(`Indiquez le nombre d’unités par ${UNITS[unit].labelFr}.`) : null;
  if (!/^\d+$/.test(raw) || Number(raw) <= 0) return fail('Le nombre d’unités par conditionnement est un entier positif.');
  return Number(raw);
}

function readCommunes(raw: string, fail: (r: string) => null): string[] | null {
  const codes = raw.split(/[\s,;]+/).filter((c) => c !== '');
  const valid: string[] = [];
  const bad: string[] = [];
  for (const code of codes) {
    const check = checkInseeCode(code);
    if (check.ok) valid.push(check.commune.code);
    else bad.push(code);
  }
  if (bad.length > 0)
    return fail(
      `${bad.length > 1 ? 'Codes INSEE de commune inconnus ou mal formés' : 'Code INSEE de commune inconnu ou mal formé'} : ${bad.join(', ')}.`,
    );
  return [...new Set(valid)];
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
