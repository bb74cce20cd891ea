import { getCpv } from '../cpv/cpv-catalog';
import type { ContractNature, IsoDate } from '../domain/types';
import type { DecpAward, DecpFormat, DecpHolder, DecpRejection, NormalizeDecpResult } from './decp-award';
import { MAX_DURATION_MONTHS, readAmountCents, readDurationMonths, readHolders, readSiret } from './decp-values';
import { detectTestRecord } from './detect-test-record';
import { addMonths, parseDecpDate } from './parse-decp-date';
import { readDecpAmendments } from './read-decp-amendments';
import { field, isRawObject, type RawObject, readText, readWrappedList } from './raw-record';

/**
 * Turns one raw DECP record (2019 or 2024 format, from JSON or XML) into a checked award, or lists
 * every reason it cannot be imported. Test records and concessions are refused as a whole.
 * Amendments (`modifications`) give the current duration, amount and holders (the latest one
 * stating each, see `readDecpAmendments`); the initial values are kept alongside. A record
 * without a notification date is dated by the publication of its data, flagged as an estimate.
 */
export function normalizeDecpAward(raw: unknown): NormalizeDecpResult {
  if (!isRawObject(raw)) return refuse('*', 'l’enregistrement n’est pas un objet');
  if (isConcession(raw)) return refuse('_type', 'contrat de concession : hors périmètre, seuls les marchés sont importés');
  const testReason = detectTestRecord(raw);
  if (testReason !== null) return refuse('*', `enregistrement de test (${testReason})`);

  const rejections: DecpRejection[] = [];
  const id = need(readText(raw.id), 'id', 'identifiant du marché absent', rejections);
  const buyerSiret = readSiret(field(raw.acheteur, 'id'), 'acheteur.id', rejections);
  const initialHolders = readHolders(raw.titulaires, 'titulaires', rejections);
  const cpvCode = readCpv(raw.codeCPV, rejections);
  const nature = need(readNature(raw), 'nature', 'nature du marché absente', rejections);
  const objet = need(readText(raw.objet), 'objet', 'objet du marché absent', rejections);
  const initialDuration = need(readDurationMonths(raw.dureeMois), 'dureeMois', DURATION_REASON, rejections);
  const notificationDate = readNotificationDate(raw.dateNotification, rejections);
  const startDate = notificationDate ?? readPublicationFallback(raw, rejections);
  const amendments = readDecpAmendments(raw.modifications, rejections);
  if (id === null || buyerSiret === null || cpvCode === null || nature === null || objet === null) return { ok: false, rejections };
  if (initialDuration === null || startDate === null || rejections.length > 0) return { ok: false, rejections };

  const initialAmountCents = readAmountCents(raw.montant);
  let durationMonths = initialDuration;
  let amountCents = initialAmountCents;
  let holders = initialHolders;
  // In the order they apply: the latest amendment stating a value gives the current one.
  for (const amendment of amendments) {
    if (amendment.durationMonths !== null) durationMonths = amendment.durationMonths;
    if (amendment.amountCents !== null) amountCents = amendment.amountCents;
    if (amendment.holders !== null) holders = amendment.holders;
  }
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
    initialDurationMonths: initialDuration,
    notificationDate,
    startDate,
    startDateSource: notificationDate === null ? 'publication' : 'notification',
    endDate: addMonths(startDate, durationMonths),
    amountCents,
    initialAmountCents,
    amendments,
    hasBrokenText: hasBrokenText(objet, buyerName, holders),
  };
  return { ok: true, award };
}

/** The notification date; null when absent (no rejection: see `readPublicationFallback`) or invalid (rejected). */
function readNotificationDate(value: unknown, rejections: DecpRejection[]): IsoDate | null {
  const text = readText(value);
  if (text === null) return null;
  const date = parseDecpDate(text);
  if (date === null) rejections.push({ field: 'dateNotification', reason: `date invalide « ${text} »` });
  return date;
}

/**
 * The start of an undated record (no `dateNotification`, the only start date marchés publish):
 * its `datePublicationDonnees`, an estimate (see `DecpStartDateSource`), else a rejection. Only
 * called when the notification date is absent or invalid; an invalid one is already rejected.
 */
function readPublicationFallback(raw: RawObject, rejections: DecpRejection[]): IsoDate | null {
  if (readText(raw.dateNotification) !== null) return null;
  const text = readText(raw.datePublicationDonnees);
  if (text === null) {
    rejections.push({ field: 'dateNotification', reason: UNDATED_REASON });
    return null;
  }
  const date = parseDecpDate(text);
  if (date === null) {
    rejections.push({
      field: 'datePublicationDonnees',
      reason: `date invalide « ${text} » (seule date du marché, la date de notification étant absente)`,
    });
  }
  return date;
}

const UNDATED_REASON = 'date de notification absente (et pas de date de publication des données) : le contrat ne peut pas être daté';

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

const DURATION_REASON = `durée en mois absente, non positive ou supérieure à ${MAX_DURATION_MONTHS} mois`;

function readPlace(value: unknown): DecpAward['executionPlace'] {
  const code = readText(field(value, 'code'));
  const typeCode = readText(field(value, 'typeCode'));
  if (code === null || typeCode === null) return null;
  return { code, typeCode, name: readText(field(value, 'nom')) };
}
