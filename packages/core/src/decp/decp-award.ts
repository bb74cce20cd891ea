import type { NameRepair } from '../identity/repair-broken-name';
import type { Cents, ContractNature, IsoDate } from '../domain/types';
import type { DecpFlag } from './decp-flag';

/** The two regulatory formats: arrêté of 14 April 2017 (v1.x, "2019") and arrêtés of 22 December 2022 (v2.0.x, "2024"). */
export type DecpFormat = '2019' | '2024';

/** A holder (titulaire) of an award. Only `SIRET` identifiers become organizations. */
export interface DecpHolder {
  idType: string;
  id: string;
  /** Set when `idType` is SIRET (then checked). */
  siret: string | null;
  /** `denominationSociale` (2019 only; the 2024 format publishes no names). */
  name: string | null;
}

/**
 * Where the start date comes from: the notification date, or — when the record has none — the date
 * its data were first published (`datePublicationDonnees`), an estimate: the regulation has the
 * data published within two months after notification, so the real start is up to two months
 * earlier when the buyer complied. `undated`: neither date (see the `undated` flag): the start date
 * is a stand-in (1 January of the year the identifier or objet gives, else 1900-01-01) that no
 * calendar uses.
 */
export type DecpStartDateSource = 'notification' | 'publication' | 'undated';

/**
 * One amendment (`modifications[]`: avenant or other modification) as published; a null value is
 * one the amendment leaves unchanged. 2019: the fields sit in the list item; 2024: in
 * `modification`. `dureeMois` and `montant` are the new totals, not increments (both schemas say
 * "Nouvelle durée", "Nouveau montant"; some publishers put the increment, which we cannot tell).
 */
export interface DecpAmendment {
  /** Position in the record's `modifications` (0-based), as in `jq '.modifications[i]'`. */
  index: number;
  /** The amendment's own number (2024 `id`: increasing in notification order), when given. */
  id: string | null;
  /** Date it is ordered by: of notification, else signature, else publication (the first kind all the record's amendments have). */
  date: IsoDate | null;
  /** Which field `date` was read from. */
  dateField: string | null;
  durationMonths: number | null;
  amountCents: Cents | null;
  holders: DecpHolder[] | null;
}

/** One award (marché or accord-cadre) of the DECP, normalised and checked. */
export interface DecpAward {
  /** Natural key `buyerSiret|id`: unique per buyer in the DECP. */
  key: string;
  id: string;
  format: DecpFormat;
  buyer: { siret: string; name: string | null };
  /** Current holders: `titulaires` of the latest amendment that lists some, else the initial ones. */
  holders: DecpHolder[];
  /** 8-digit CPV 2008 code, without check digit. */
  cpvCode: string;
  nature: ContractNature;
  objet: string;
  procedure: string | null;
  executionPlace: { code: string; typeCode: string; name: string | null } | null;
  /** Current duration: `dureeMois` of the latest amendment that states one, else the initial one. */
  durationMonths: number;
  /** `dureeMois` as first published (it includes optional renewals). */
  initialDurationMonths: number;
  /** Null when the record publishes none (then the start date is estimated: see `startDateSource`). */
  notificationDate: IsoDate | null;
  /** The notification date (neither format publishes a start of execution for marchés), else the estimate. */
  startDate: IsoDate;
  startDateSource: DecpStartDateSource;
  /** Start + current duration (the duration includes optional renewals, so this is the latest end). */
  endDate: IsoDate;
  /** Current montant HT in cents (latest amendment that states one, else the initial one); for an accord-cadre, its maximum. Null when missing or zero. */
  amountCents: Cents | null;
  /** `montant` as first published, in cents. */
  initialAmountCents: Cents | null;
  /** The amendments stating a new duration, amount or holder list, in the order they apply (see `readDecpAmendments`); empty for most records. */
  amendments: readonly DecpAmendment[];
  /** The objet as published when its accents were lost at publication and some were restored (`repairBrokenText`), else null. */
  brokenObjet: string | null;
  /** The words of `brokenObjet` restored, and how; empty for most records. */
  objetRepairs: readonly NameRepair[];
  /** The words of the holders' names published with their accents lost and restored (`repairBrokenText`); empty for most records. */
  holderRepairs: readonly NameRepair[];
  /** What could not be taken at face value (see `DecpFlag`); empty for most records. */
  flags: DecpFlag[];
  /** `offresRecues` (2024 format): the number of bids the contract drew; absent when not published. */
  offersReceived?: number;
}

/** Why a record was not imported: the field (dotted path, `*` for the whole record) and the reason. */
export interface DecpRejection {
  field: string;
  reason: string;
}

/**
 * Why a record is not a public contract of a buyer, the only records refused: unreadable (not an
 * object), a concession contract, a test record, or a record naming no buyer.
 */
export type DecpRejectionKind = 'unreadable' | 'concession' | 'test' | 'no_buyer';

export type NormalizeDecpResult = { ok: true; award: DecpAward } | { ok: false; kind: DecpRejectionKind; rejections: DecpRejection[] };
