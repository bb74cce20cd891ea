import { getCpv } from '../cpv/cpv-catalog';
import type { ContractNature } from '../domain/types';
import { checkSiret } from '../identity/siret';
import type { DecpAward, DecpFormat, DecpHolder, DecpRejection, NormalizeDecpResult } from './decp-award';
import { detectTestRecord } from './detect-test-record';
import { addMonths, parseDecpDate } from './parse-decp-date';
import { field, isRawObject, readNumber, readText, readWrappedList } from './raw-record';

/**
 * Turns one raw DECP record (2019 or 2024 format, from JSON or XML) into a checked award, or lists
 * every reason it cannot be imported. Test records and concessions are refused as a whole.
 */
export function normalizeDecpAward(raw: unknown): NormalizeDecpResult {
  if (!isRawObject(raw)) return refuse('*', 'l’enregistrement n’est pas un objet');
  if (isConcession(raw)) return refuse('_type', 'contrat de concession : hors périmètre, seuls les marchés sont importés');
  const testReason = detectTestRecord(raw);
  if (testReason !== null) return refuse('*', `enregistrement de test (${testReason})`);

  const rejections: DecpRejection[] = [];
  const id = need(readText(raw.id), 'id', 'identifiant du marché absent', rejections);
  const buyerSiret = readSiret(field(raw.acheteur, 'id'), 'acheteur.id', rejections);
  const holders = readHolders(raw.titulaires, rejections);
  const cpvCode = readCpv(raw.codeCPV, rejections);
  const nature = need(readNature(raw), 'nature', 'nature du marché absente', rejections);
  const objet = need(readText(raw.objet), 'objet', 'objet du marché absent', rejections);
  const durationMonths = need(readDuration(raw.dureeMois), 'dureeMois', DURATION_REASON, rejections);
  const notificationText = readText(raw.dateNotification);
  const notificationDate = need(
    notificationText === null ? null : parseDecpDate(notificationText),
    'dateNotification',
    notificationText === null ? 'date de notification absente : le contrat ne peut pas être daté' : `date invalide « ${notificationText} »`,
    rejections,
  );
  if (id === null || buyerSiret === null || cpvCode === null || nature === null || objet === null) return { ok: false, rejections };
  if (durationMonths === null || notificationDate === null || rejections.length > 0) return { ok: false, rejections };

  const buyerName = readText(field(raw.acheteur, 'nom'));
  const award: DecpAward = {
    key: `${buyerSiret}|${id}`,
    id,
    format: detectFormat(raw),
    buyer: { siret: buyerSiret, name: buyerName },
    holders,
    cpvCode,
    nature,
    objet,
    procedure: readText(raw.procedure),
    executionPlace: readPlace(raw.lieuExecution),
    durationMonths,
    notificationDate,
    startDate: notificationDate,
    endDate: addMonths(notificationDate, durationMonths),
    amountCents: readAmountCents(raw.montant),
    hasBrokenText: hasBrokenText(objet, buyerName, holders),
  };
  return { ok: true, award };
}

/** `value`, or null with a rejection of `path` for `reason` when it is missing. */
function need<T>(value: T | null, path: string, reason: string, rejections: DecpRejection[]): T | null {
  if (value === null) rejections.push({ field: path, reason });
  return value;
}

function hasBrokenText(objet: string, buyerName: string | null, holders: readonly DecpHolder[]): boolean {
  if (objet.includes('\uFFFD') || (buyerName?.includes('\uFFFD') ?? false)) return true;
  for (const holder of holders) if (holder.name?.includes('\uFFFD')) return true;
  return false;
}

function refuse(path: string, reason: string): NormalizeDecpResult {
  return { ok: false, rejections: [{ field: path, reason }] };
}

function isConcession(raw: Readonly<Record<string, unknown>>): boolean {
  const type = readText(raw._type)?.toLowerCase() ?? '';
  return type.includes('concession') || 'autoriteConcedante' in raw || 'concessionnaires' in raw;
}

function detectFormat(raw: Readonly<Record<string, unknown>>): DecpFormat {
  return 'techniques' in raw || 'ccag' in raw || 'offresRecues' in raw || 'modalitesExecution' in raw ? '2024' : '2019';
}

function readSiret(value: unknown, path: string, rejections: DecpRejection[]): string | null {
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

function readHolders(value: unknown, rejections: DecpRejection[]): DecpHolder[] {
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
    const siret = readSiret(id, `titulaires.${index}.id`, rejections);
    if (siret !== null) holders.push({ idType, id, siret, name });
  }
  return holders;
}

/**
 * An 8-digit CPV 2008 code. Tolerated: a check digit (ignored even when wrong — publishers put
 * placeholder keys such as "-0"/"-1"), and 7 digits (a leading zero lost by a spreadsheet: 9132100).
 */
function readCpv(value: unknown, rejections: DecpRejection[]): string | null {
  const trimmed = readText(value);
  if (trimmed === null) {
    rejections.push({ field: 'codeCPV', reason: 'code CPV absent' });
    return null;
  }
  const text = WHITESPACE.test(trimmed) ? trimmed.replace(WHITESPACES, '') : trimmed;
  const match = CPV_TEXT.exec(text);
  const code = match ? (match[1] as string).padStart(8, '0') : null;
  if (code !== null && getCpv(code)) return code;
  rejections.push({ field: 'codeCPV', reason: `code CPV « ${text} » hors nomenclature CPV 2008` });
  return null;
}

const WHITESPACE = /\s/;
const WHITESPACES = /\s/g;
const CPV_TEXT = /^(\d{7,8})(?:-\d)?$/;

/** 2019: `nature` "Accord-cadre"; 2024: `techniques` lists "Accord-cadre" (nature is then "Marché"). */
function readNature(raw: Readonly<Record<string, unknown>>): ContractNature | null {
  const techniques = readWrappedList(raw.techniques, 'technique').map((t) => readText(t)?.toLowerCase());
  if (techniques.includes('accord-cadre')) return 'accord_cadre';
  const nature = readText(raw.nature)?.toLowerCase();
  if (nature === undefined) return null;
  return nature === 'accord-cadre' ? 'accord_cadre' : 'marche';
}

/** No public contract runs a century: longer durations are publication errors (and would overflow dates). */
const MAX_DURATION_MONTHS = 1200;
const DURATION_REASON = `durée en mois absente, non positive ou supérieure à ${MAX_DURATION_MONTHS} mois`;
/** Largest amount kept (10^13 cents = 100 G€); larger values are publication errors, kept as "no amount". */
const MAX_AMOUNT_CENTS = 1e13;

function readDuration(value: unknown): number | null {
  const months = readNumber(value);
  return months !== null && months > 0 && months <= MAX_DURATION_MONTHS ? Math.max(1, Math.round(months)) : null;
}

/** Montant HT in cents; 0 and negative amounts are publication placeholders, kept as "no amount". */
function readAmountCents(value: unknown): number | null {
  const amount = readNumber(value);
  return amount !== null && amount > 0 && amount * 100 <= MAX_AMOUNT_CENTS ? Math.round(amount * 100) : null;
}

function readPlace(value: unknown): DecpAward['executionPlace'] {
  const code = readText(field(value, 'code'));
  const typeCode = readText(field(value, 'typeCode'));
  if (code === null || typeCode === null) return null;
  return { code, typeCode, name: readText(field(value, 'nom')) };
}
