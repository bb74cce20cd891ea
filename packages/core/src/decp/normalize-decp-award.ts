import type { Cents, ContractNature, IsoDate } from '../domain/types';
import { builtInNameVocabulary } from '../identity/name-vocabulary';
import { type NameRepair, repairBrokenText } from '../identity/repair-broken-name';
import { checkSiret } from '../identity/siret';
import type { DecpAward, DecpFormat, DecpRejection, DecpRejectionKind, NormalizeDecpResult } from './decp-award';
import type { DecpFlag } from './decp-flag';
import { MAX_AMOUNT_CENTS, readAmountCents, readDurationMonths, readHolders } from './decp-values';
import { detectTestRecord } from './detect-test-record';
import { addMonths, parseDecpDate } from './parse-decp-date';
import { readDecpAmendments } from './read-decp-amendments';
import { readDecpCpv } from './read-decp-cpv';
import { readDecpYear } from './read-decp-year';
import { field, isRawObject, objectField, type RawObject, readNumber, readText, readWrappedList } from './raw-record';
import { synthesizeDecpId } from './synthesize-decp-id';

/** Duration shown for a record that publishes none (flagged `duration_missing`; no calendar or estimate uses it). */
export const STAND_IN_DURATION_MONTHS = 12;
/** Start date stored for an undated record whose year is unknown (flagged `undated`; no calendar uses it). */
export const UNKNOWN_YEAR_START: IsoDate = '1900-01-01';
const MISSING_OBJET = 'Objet non publié';

/**
 * Turns one raw DECP record (2019 or 2024 format, from JSON or XML) into an award. Only what is
 * not a public contract of a buyer is refused (concessions, test records, records naming no
 * buyer); every other record is kept, and what cannot be taken at face value is named by a flag
 * (`DecpFlag`: undated, invalid identifiers, CPV 2003 or repaired codes, missing or placeholder
 * values, unreadable amendments). Amendments (`modifications`) give the current duration, amount
 * and holders (the latest one stating each, see `readDecpAmendments`); the initial values are kept
 * alongside. A record without a notification date is dated by the publication of its data.
 */
export function normalizeDecpAward(raw: unknown): NormalizeDecpResult {
  if (!isRawObject(raw)) return refuse('unreadable', '*', 'l’enregistrement n’est pas un objet');
  if (isConcession(raw)) return refuse('concession', '_type', 'contrat de concession : hors périmètre, seuls les marchés sont importés');
  const testReason = detectTestRecord(raw);
  if (testReason !== null) return refuse('test', '*', `enregistrement de test (${testReason})`);
  const buyer = objectField(raw, 'acheteur');
  const buyerText = readText(field(buyer, 'id'))?.replace(/\s/g, '') ?? null;
  if (buyerText === null) return refuse('no_buyer', 'acheteur.id', 'acheteur absent : ce n’est le marché d’aucun acheteur identifié');

  const flags: DecpFlag[] = [];
  const buyerSiret = readBuyerSiret(buyerText, flags);
  const publishedObjet = readText(raw.objet);
  const id = readText(raw.id) ?? flagged(flags, { code: 'id_missing', value: null }, synthesizeDecpId(raw));
  const initialHolders = readHolders(raw.titulaires, 'titulaires', [], 'keep');
  const cpv = readDecpCpv(raw.codeCPV, publishedObjet);
  if (cpv.flag !== null) flags.push(cpv.flag);
  const nature = readNature(raw) ?? flagged(flags, { code: 'nature_missing', value: 'marche' }, 'marche');
  const repairedObjet = publishedObjet?.includes('\uFFFD') ? repairBrokenText(publishedObjet, builtInNameVocabulary()) : null;
  const objet = repairedObjet?.text ?? publishedObjet ?? flagged(flags, { code: 'objet_missing', value: null }, MISSING_OBJET);
  const initialDuration = readDurationMonths(raw.dureeMois) ?? missingDuration(raw.dureeMois, flags);
  const dating = readStart(raw, id, publishedObjet);
  const amendmentIssues: DecpRejection[] = [];
  const amendments = readDecpAmendments(raw.modifications, amendmentIssues);
  if (amendmentIssues.length > 0) flags.push({ code: 'amendment_ignored', value: null, issues: amendmentIssues });

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
  const holderRepairs: NameRepair[] = [];
  if (holders.some((holder) => holder.name?.includes('\uFFFD'))) {
    holders = holders.map((holder) => {
      if (!holder.name?.includes('\uFFFD')) return holder;
      const repaired = repairBrokenText(holder.name, builtInNameVocabulary());
      holderRepairs.push(...repaired.repairs);
      return repaired.repairs.length === 0 ? holder : { ...holder, name: repaired.text };
    });
  }
  const invalidHolderIds = holders.filter((h) => h.idType === 'SIRET' && h.siret === null).map((h) => h.id);
  if (invalidHolderIds.length > 0) flags.push({ code: 'holder_id_invalid', value: holders[0]?.siret ?? null, ids: invalidHolderIds });
  const amountFlag = flagAmount(raw.montant, amountCents);
  if (amountFlag !== null) flags.push(amountFlag);
  const amendmentCents = amendments.flatMap((a) => (a.amountCents === null ? [] : [a.amountCents]));
  if (amendmentCents.length > 0 && initialAmountCents !== null && amountCents !== null && amountCents * 2 < initialAmountCents)
    flags.push({ code: 'amendment_amount_low', value: amountCents, initialCents: initialAmountCents, amendmentCents });
  if (dating.flag !== null) flags.push(dating.flag);
  const buyerName = readText(field(buyer, 'nom'));
  const offersReceived = readOffersReceived(raw.offresRecues);
  const award: DecpAward = {
    key: `${buyerSiret}|${id}`,
    id,
    format: detectFormat(raw),
    buyer: { siret: buyerSiret, name: buyerName },
    holders,
    cpvCode: cpv.code,
    nature,
    objet,
    procedure: readText(raw.procedure),
    executionPlace: readPlace(objectField(raw, 'lieuExecution')),
    durationMonths,
    initialDurationMonths: initialDuration,
    notificationDate: dating.notificationDate,
    startDate: dating.startDate,
    startDateSource: dating.source,
    endDate: addMonths(dating.startDate, durationMonths),
    amountCents,
    initialAmountCents,
    amendments,
    brokenObjet: repairedObjet === null || repairedObjet.repairs.length === 0 ? null : (publishedObjet as string),
    objetRepairs: repairedObjet?.repairs ?? [],
    holderRepairs,
    flags,
    ...(offersReceived === null ? {} : { offersReceived }),
  };
  return { ok: true, award };
}

/** `offresRecues` (a whole number ≥ 0, a number in JSON, text in XML); null when absent or unreadable. */
function readOffersReceived(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  return Number.isInteger(n) && n >= 0 ? n : null;
}

/** Pushes `flag` and returns `value`: a stand-in taken because the published value is missing. */
function flagged<T>(flags: DecpFlag[], flag: DecpFlag, value: T): T {
  flags.push(flag);
  return value;
}

/** The buyer's SIRET, or its identifier as published (spaces removed) with a `buyer_id_invalid` flag. */
function readBuyerSiret(text: string, flags: DecpFlag[]): string {
  const check = checkSiret(text);
  if (check.ok) return check.siret;
  flags.push({ code: 'buyer_id_invalid', value: null, published: text, reason: check.reason });
  return text;
}

function missingDuration(value: unknown, flags: DecpFlag[]): number {
  flags.push({ code: 'duration_missing', value: STAND_IN_DURATION_MONTHS, published: readText(value) });
  return STAND_IN_DURATION_MONTHS;
}

interface Dating {
  notificationDate: IsoDate | null;
  startDate: IsoDate;
  source: DecpAward['startDateSource'];
  flag: Extract<DecpFlag, { code: 'undated' }> | null;
}

/**
 * The start: the notification date; else (absent or unreadable) the publication of the data, an
 * estimate; else a stand-in on 1 January of the year the identifier or objet gives, flagged `undated`.
 */
function readStart(raw: RawObject, id: string, objet: string | null): Dating {
  const notificationText = readText(raw.dateNotification);
  const notificationDate = notificationText === null ? null : parseDecpDate(notificationText);
  if (notificationDate !== null) return { notificationDate, startDate: notificationDate, source: 'notification', flag: null };
  const publicationText = readText(raw.datePublicationDonnees);
  const publicationDate = publicationText === null ? null : parseDecpDate(publicationText);
  // An unreadable notification date is treated as absent: the publication of the data still dates the start, as an estimate.
  if (publicationDate !== null) return { notificationDate: null, startDate: publicationDate, source: 'publication', flag: null };
  const year = readDecpYear(id, objet);
  const startDate = year === null ? UNKNOWN_YEAR_START : `${year.year}-01-01`;
  const publishedDate = notificationText ?? publicationText;
  return {
    notificationDate: null,
    startDate,
    source: 'undated',
    flag: { code: 'undated', value: startDate, year: year?.year ?? null, yearSource: year?.source ?? null, publishedDate },
  };
}

/** Runs of nines (99 999 999 €) and 10 G€ or more: placeholders publishers type where they have no amount. */
const NINES = /^9{8,}$/;
const SENTINEL_FLOOR_CENTS = 1e12;

/** `amount_missing` (none, 0 €), `amount_sentinel` (a placeholder; beyond 100 G€ not even stored), or null. */
function flagAmount(published: unknown, amountCents: Cents | null): DecpFlag | null {
  if (amountCents === null) {
    const amount = readNumber(published);
    if (amount !== null && amount * 100 > MAX_AMOUNT_CENTS)
      return { code: 'amount_sentinel', value: null, published: readText(published) ?? '' };
    return { code: 'amount_missing', value: null };
  }
  const euros = Math.floor(amountCents / 100);
  if (amountCents < SENTINEL_FLOOR_CENTS && !NINES.test(String(euros))) return null;
  return { code: 'amount_sentinel', value: amountCents, published: String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, ' ') };
}

function refuse(kind: DecpRejectionKind, path: string, reason: string): NormalizeDecpResult {
  return { ok: false, kind, rejections: [{ field: path, reason }] };
}

/**
 * A concession by its type, or by a concession's own fields holding something: the national
 * consolidation writes `autoriteConcedante` and `concessionnaires` empty on every public contract.
 */
function isConcession(raw: Readonly<Record<string, unknown>>): boolean {
  const type = readText(raw._type)?.toLowerCase() ?? '';
  return type.includes('concession') || isFilled(raw.autoriteConcedante) || isFilled(raw.concessionnaires);
}

/** Whether a JSON value holds anything: not null, not blank text, not an empty list or object. */
function isFilled(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.some(isFilled);
  if (typeof value === 'object') return Object.values(value).some(isFilled);
  return true;
}

function detectFormat(raw: Readonly<Record<string, unknown>>): DecpFormat {
  return 'techniques' in raw || 'ccag' in raw || 'offresRecues' in raw || 'modalitesExecution' in raw ? '2024' : '2019';
}

/** 2019: `nature` "Accord-cadre"; 2024: `techniques` lists "Accord-cadre" (nature is then "Marché"). */
function readNature(raw: Readonly<Record<string, unknown>>): ContractNature | null {
  const techniques = readWrappedList(raw.techniques, 'technique').map((t) => readText(t)?.toLowerCase());
  if (techniques.includes('accord-cadre')) return 'accord_cadre';
  const nature = readText(raw.nature)?.toLowerCase();
  if (nature === undefined) return null;
  return nature === 'accord-cadre' ? 'accord_cadre' : 'marche';
}

function readPlace(value: unknown): DecpAward['executionPlace'] {
  const code = readText(field(value, 'code'));
  const typeCode = readText(field(value, 'typeCode'));
  if (code === null || typeCode === null) return null;
  return { code, typeCode, name: readText(field(value, 'nom')) };
}
