import type { Cents, ContractNature, IsoDate } from '../domain/types';

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

/** One award (marché or accord-cadre) of the DECP, normalised and checked. */
export interface DecpAward {
  /** Natural key `buyerSiret|id`: unique per buyer in the DECP. */
  key: string;
  id: string;
  format: DecpFormat;
  buyer: { siret: string; name: string | null };
  holders: DecpHolder[];
  /** 8-digit CPV 2008 code, without check digit. */
  cpvCode: string;
  nature: ContractNature;
  objet: string;
  procedure: string | null;
  executionPlace: { code: string; typeCode: string; name: string | null } | null;
  durationMonths: number;
  notificationDate: IsoDate;
  /** The notification date: neither format publishes a start of execution for marchés. */
  startDate: IsoDate;
  /** Start + duration (the duration includes optional renewals, so this is the latest end). */
  endDate: IsoDate;
  /** Montant HT in cents; for an accord-cadre, its maximum. Null when missing or zero. */
  amountCents: Cents | null;
  /** Some text holds U+FFFD (accents broken at publication): kept as published, flagged. */
  hasBrokenText: boolean;
}

/** Why a record was not imported: the field (dotted path, `*` for the whole record) and the reason. */
export interface DecpRejection {
  field: string;
  reason: string;
}

export type NormalizeDecpResult = { ok: true; award: DecpAward } | { ok: false; rejections: DecpRejection[] };
