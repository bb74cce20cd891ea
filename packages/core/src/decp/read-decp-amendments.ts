import type { IsoDate } from '../domain/types';
import type { DecpAmendment, DecpRejection } from './decp-award';
import { MAX_AMOUNT_CENTS, readDurationMonths, readHolders } from './decp-values';
import { parseDecpDate } from './parse-decp-date';
import { isRawObject, type RawObject, readNumber, readText, readWrappedList } from './raw-record';

/** The shared result of the (usual) record without amendments: no allocation on the hot path. */
export const NO_AMENDMENTS: readonly DecpAmendment[] = Object.freeze([]);

/**
 * Date fields of an amendment, by preference: notification (2019 as published by most platforms,
 * and 2024), signature (2024 concessions), publication of the amended data (the only date the 2019
 * schema requires; AIFE publishes only this one).
 */
const DATE_FIELDS = ['dateNotificationModification', 'dateSignatureModification', 'datePublicationDonneesModification'] as const;

interface ReadAmendment {
  amendment: DecpAmendment;
  /** The three dates of DATE_FIELDS, in order (null when absent). */
  dates: [IsoDate | null, IsoDate | null, IsoDate | null];
}

/**
 * The amendments of a record's `modifications` (2019: a list of modifications; 2024: a list of
 * `{ modification }`; XML: either shape) that state a new duration, amount or holder list, in the
 * order they apply: by date, then by the 2024 `id`, then by position. All the record's
 * amendments are dated by the first date kind they all have, so that one publisher's notification
 * dates are never compared with another kind; without a common kind, position alone orders them.
 * Unusable values (non-numeric, negative, out of range, invalid date) are rejections of
 * `modifications.<i>.<field>`: the current state of the contract would be unknown. A new holder
 * whose SIRET is invalid is kept with `siret: null` (the holder is then unknown, the contract's
 * dates and amount still hold), as the official 2024 example's 15-digit holder id requires.
 */
export function readDecpAmendments(value: unknown, rejections: DecpRejection[]): readonly DecpAmendment[] {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return NO_AMENDMENTS; // the usual case
  const items = readWrappedList(value, 'modification');
  const read: ReadAmendment[] = [];
  for (let index = 0; index < items.length; index += 1) {
    const item = items[index];
    if (isRawObject(item)) {
      const amendment = readAmendment(item, index, rejections);
      if (amendment !== null) read.push(amendment);
    } else if (!isBlank(item)) {
      rejections.push({ field: `modifications.${index}`, reason: `modification illisible « ${quote(item)} » : un objet est attendu` });
    }
  }
  if (read.length === 0) return NO_AMENDMENTS;
  const kind = DATE_FIELDS.findIndex((_, k) => read.every((r) => r.dates[k] !== null));
  for (const r of read) datedBy(r, kind);
  if (read.length > 1) {
    const byId = read.every((r) => r.amendment.id !== null && Number.isFinite(Number(r.amendment.id)));
    read.sort((a, b) => compareAmendments(a.amendment, b.amendment, kind >= 0, byId));
  }
  return read.map((r) => r.amendment);
}

function readAmendment(item: RawObject, index: number, rejections: DecpRejection[]): ReadAmendment | null {
  const path = `modifications.${index}`;
  const dates: ReadAmendment['dates'] = [null, null, null];
  for (let k = 0; k < DATE_FIELDS.length; k += 1) {
    const name = DATE_FIELDS[k] as (typeof DATE_FIELDS)[number];
    const text = readText(item[name]);
    if (text === null) continue;
    dates[k] = parseDecpDate(text);
    if (dates[k] === null) rejections.push({ field: `${path}.${name}`, reason: `date invalide « ${text} »` });
  }
  const durationMonths = readAmendedDuration(item.dureeMois, path, rejections);
  const amountCents = readAmendedAmount(item.montant, path, rejections);
  const holders = item.titulaires === undefined ? [] : readHolders(item.titulaires, `${path}.titulaires`, rejections, 'keep');
  if (durationMonths === null && amountCents === null && holders.length === 0) return null;
  const amendment: DecpAmendment = {
    index,
    id: readText(item.id),
    date: null,
    dateField: null,
    durationMonths,
    amountCents,
    holders: holders.length === 0 ? null : holders,
  };
  return { amendment, dates };
}

/** Sets the amendment's date: of the common kind `kind`, or (no common kind) its own first date, shown but not used to order. */
function datedBy(read: ReadAmendment, kind: number): void {
  const k = kind >= 0 ? kind : read.dates.findIndex((d) => d !== null);
  if (k < 0) return;
  read.amendment.date = read.dates[k] ?? null;
  read.amendment.dateField = DATE_FIELDS[k] ?? null;
}

/**
 * A total order: by date (when all are dated by one kind), then by numeric `id` (when all have
 * one), then by position.
 */
function compareAmendments(a: DecpAmendment, b: DecpAmendment, byDate: boolean, byId: boolean): number {
  if (byDate && a.date !== b.date) return (a.date as string) < (b.date as string) ? -1 : 1;
  if (byId && a.id !== b.id) return Number(a.id) - Number(b.id) || a.index - b.index;
  return a.index - b.index;
}

/** The new duration, or null when the amendment does not state one; unusable values are rejected. */
function readAmendedDuration(value: unknown, path: string, rejections: DecpRejection[]): number | null {
  if (isBlank(value)) return null;
  const months = readDurationMonths(value);
  if (months === null) {
    const reason = readNumber(value) === null ? 'non numérique' : 'non positive ou supérieure à 1200 mois';
    rejections.push({ field: `${path}.dureeMois`, reason: `durée modifiée « ${quote(value)} » ${reason}` });
  }
  return months;
}

/**
 * The new amount in cents, or null when the amendment does not state one. A zero is the same
 * placeholder as in a record's `montant` ("no change"); negative, non-numeric or absurd amounts
 * are rejected.
 */
function readAmendedAmount(value: unknown, path: string, rejections: DecpRejection[]): number | null {
  if (isBlank(value)) return null;
  const amount = readNumber(value);
  if (amount === 0) return null;
  if (amount !== null && amount > 0 && amount * 100 <= MAX_AMOUNT_CENTS) return Math.round(amount * 100);
  const reason = amount === null ? 'non numérique' : amount < 0 ? 'négatif' : 'supérieur à 100 milliards d’euros';
  rejections.push({ field: `${path}.montant`, reason: `montant modifié « ${quote(value)} » ${reason}` });
  return null;
}

/** Absent, null or blank text: the field is not stated. */
function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** A short printable form of a raw value for a rejection reason. */
function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
