import { checkCpv } from '../cpv/cpv-code';
import { foldText } from '../cpv/cpv-catalog';
import { CONTRACT_NATURES, type ContractNature, type RunningContract } from '../domain/types';
import { checkSiret } from '../identity/siret';
import { CHOICE_SEPARATOR } from './census-columns';
import { CONTRACT_NATURE_LABELS_FR, type ContractColumnKey } from './contract-columns';
import { contractRuleIssues } from './contract-rules';
import { decimalToCents, parseDecimal } from './decimal';

/** A running-contracts line that passed every check, ready to become a `RunningContract` of its organization. */
export type ContractRowValue = Omit<RunningContract, 'id' | 'organizationId' | 'source' | 'decpId' | 'decpProvenance'> & {
  organizationSiret: string;
};

export interface ContractCellIssue {
  key: ContractColumnKey;
  reason: string;
}

export type ContractCells = Partial<Record<ContractColumnKey, string>>;

export type ContractRowValidation = { ok: true; value: ContractRowValue } | { ok: false; issues: ContractCellIssue[] };

export interface ValidateContractRowOptions {
  /** When given, the SIRET must be one of these organizations. */
  knownSirets?: ReadonlySet<string>;
}

/** Validates the raw text of one running-contract row; every failing cell yields one French reason. */
export function validateContractRow(cells: ContractCells, options: ValidateContractRowOptions = {}): ContractRowValidation {
  const issues: ContractCellIssue[] = [];
  const fail = (key: ContractColumnKey, reason: string): null => {
    issues.push({ key, reason });
    return null;
  };
  const text = (key: ContractColumnKey): string => (cells[key] ?? '').trim();

  const siret = readOrganizationSiret(text('organizationSiret'), options.knownSirets, (r) => fail('organizationSiret', r));
  const reference = readText(text('reference'), 'La référence', 100, (r) => fail('reference', r));
  const cpv = text('cpvCode') === '' ? fail('cpvCode', 'Le code CPV est obligatoire.') : checkCpv(choiceCode(text('cpvCode')));
  const cpvCode = cpv === null ? null : cpv.ok ? cpv.code : fail('cpvCode', cpv.reason);
  const label = readText(text('label'), 'L’objet', 300, (r) => fail('label', r));
  const holderSiret = readHolderSiret(text('holderSiret'), (r) => fail('holderSiret', r));
  const holderName = text('holderName') === '' ? null : text('holderName').slice(0, 200);
  const notificationDate = text('notificationDate') === '' ? null : readDate(text('notificationDate'), (r) => fail('notificationDate', r));
  const startDate =
    text('startDate') === ''
      ? fail('startDate', 'Le début d’exécution est obligatoire.')
      : readDate(text('startDate'), (r) => fail('startDate', r));
  const durationMonths = readMonths(text('durationMonths'), { what: 'La durée initiale', required: true, max: 240 }, (r) =>
    fail('durationMonths', r),
  );
  if (durationMonths === 0) fail('durationMonths', 'La durée initiale doit être d’au moins un mois.');
  const renewalCount = readMonths(text('renewalCount'), { what: 'Le nombre de reconductions', required: false, max: 20 }, (r) =>
    fail('renewalCount', r),
  );
  const renewalMonths = readMonths(text('renewalMonths'), { what: 'La durée d’une reconduction', required: false, max: 120 }, (r) =>
    fail('renewalMonths', r),
  );
  const renewalsUsed = readMonths(text('renewalsUsed'), { what: 'Le nombre de reconductions exercées', required: false, max: 20 }, (r) =>
    fail('renewalsUsed', r),
  );
  const noticeMonths = readMonths(text('noticeMonths'), { what: 'Le préavis', required: false, max: 24 }, (r) => fail('noticeMonths', r));
  const amountCents = readAmount(text('amount'), (r) => fail('amount', r));
  const nature = readNature(text('nature'), (r) => fail('nature', r));

  if (
    issues.length > 0 ||
    siret === null ||
    reference === null ||
    cpvCode === null ||
    label === null ||
    startDate === null ||
    durationMonths === null
  ) {
    return { ok: false, issues };
  }
  const value: ContractRowValue = {
    organizationSiret: siret,
    reference,
    cpvCode,
    label,
    holderSiret,
    holderName,
    notificationDate,
    startDate,
    durationMonths,
    renewalCount: renewalCount ?? 0,
    renewalMonths: renewalMonths ?? 0,
    renewalsUsed: renewalsUsed ?? 0,
    noticeMonths: noticeMonths ?? 0,
    amountCents,
    nature: nature ?? 'marche',
  };
  const broken = contractRuleIssues(value);
  if (broken.length > 0) return { ok: false, issues: broken.map((i) => ({ key: i.field as ContractColumnKey, reason: i.reason })) };
  return { ok: true, value };
}

/** Drop-down values read "code – label": keep the code part. */
function choiceCode(raw: string): string {
  const cut = raw.indexOf(CHOICE_SEPARATOR.trim());
  return (cut >= 0 ? raw.slice(0, cut) : raw).trim();
}

function readOrganizationSiret(raw: string, known: ReadonlySet<string> | undefined, fail: (r: string) => null): string | null {
  if (raw === '') return fail('Le SIRET de l’organisation est obligatoire.');
  const check = checkSiret(choiceCode(raw));
  if (!check.ok) return fail(check.reason);
  if (known && !known.has(check.siret)) return fail(`Le SIRET ${check.siret} n’est celui d’aucune organisation du territoire.`);
  return check.siret;
}

function readHolderSiret(raw: string, fail: (r: string) => null): string | null {
  if (raw === '') return null;
  const check = checkSiret(raw);
  return check.ok ? check.siret : fail(`Titulaire : ${check.reason}`);
}

function readText(raw: string, what: string, max: number, fail: (r: string) => null): string | null {
  if (raw === '') return fail(`${what} est obligatoire.`);
  if (raw.length > max) return fail(`${what} dépasse ${max} caractères.`);
  return raw;
}

const FRENCH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A date typed jj/mm/aaaa (or read from an Excel date cell as aaaa-mm-jj); impossible days are refused. */
function readDate(raw: string, fail: (r: string) => null): string | null {
  const french = FRENCH_DATE.exec(raw);
  const iso = ISO_DATE.exec(raw);
  const parts = french ? [french[3], french[2], french[1]] : iso ? [iso[1], iso[2], iso[3]] : null;
  if (parts === null) return fail(`« ${raw} » n’est pas une date (jj/mm/aaaa attendu, ex. 01/03/2025).`);
  const [year, month, day] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1990 || year > 2100 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return fail(`« ${raw} » n’est pas une date possible.`);
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function readMonths(raw: string, spec: { what: string; required: boolean; max: number }, fail: (r: string) => null): number | null {
  if (raw === '') return spec.required ? fail(`${spec.what} est obligatoire.`) : null;
  if (!/^\d+$/.test(raw)) return fail(`${spec.what} : nombre entier attendu, reçu « ${raw} ».`);
  const value = Number(raw);
  return value > spec.max ? fail(`${spec.what} : ${spec.max} au plus.`) : value;
}

function readAmount(raw: string, fail: (r: string) => null): number | null {
  if (raw === '') return null;
  const parsed = parseDecimal(raw);
  if (!parsed.ok) return fail(`Le montant : ${parsed.reason}`);
  if (parsed.value.digits <= 0n) return fail('Le montant doit être strictement positif.');
  const cents = decimalToCents(parsed.value);
  return cents.ok ? cents.cents : fail(`Le montant : ${cents.reason}`);
}

const NATURE_BY_WORD = new Map<string, ContractNature>([
  ...CONTRACT_NATURES.map((n): [string, ContractNature] => [n, n]),
  ...CONTRACT_NATURES.map((n): [string, ContractNature] => [foldText(CONTRACT_NATURE_LABELS_FR[n]), n]),
  ['accord cadre', 'accord_cadre'],
  ['marche public', 'marche'],
]);

function readNature(raw: string, fail: (r: string) => null): ContractNature | null {
  if (raw === '') return null;
  return NATURE_BY_WORD.get(foldText(raw)) ?? fail(`Nature inconnue « ${raw} » ; valeurs possibles : marché, accord-cadre.`);
}
