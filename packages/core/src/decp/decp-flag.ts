import type { Cents } from '../domain/types';
import { formatNumberFr } from '../french/format-number-fr';

/**
 * What is doubtful in a kept DECP record. Every real record that names a buyer is kept; what the
 * import could not take at face value is named by one of these flags, explained in French
 * (`explainDecpFlag`) and listed for the facilitator, who confirms or corrects it.
 * `value` is the contract's value the flag is about as flagged (see `DECP_FLAG_SUBJECTS`): once the
 * contract's value differs (someone corrected it), the flag is resolved.
 */
export type DecpFlag =
  | {
      /** Neither `dateNotification` nor `datePublicationDonnees` (or only unreadable dates): the start date stored is a stand-in. */
      code: 'undated';
      value: string;
      /** Notification year, when the identifier (2019 schema: its first 4 characters) or the objet gives one. */
      year: number | null;
      yearSource: 'id' | 'objet' | null;
      /** An unreadable date as published ("0002-11-30"), when there was one. */
      publishedDate: string | null;
    }
  | { code: 'holder_id_invalid'; value: string | null; ids: string[] }
  | { code: 'cpv_2003'; value: string; published: string }
  | { code: 'cpv_repaired'; value: string; published: string; how: 'ancestor' | 'padded' | 'objet' }
  | { code: 'cpv_unknown'; value: string; published: string | null }
  | { code: 'buyer_id_invalid'; value: null; published: string; reason: string }
  | { code: 'id_missing'; value: null }
  | {
      /** The buyer published another contract under the same identifier (see `decpContentSignature`): kept under its own, out of estimates until confirmed. */
      code: 'id_shared';
      value: null;
      /** The identifier as published. */
      published: string;
    }
  | { code: 'objet_missing'; value: null }
  | { code: 'nature_missing'; value: string }
  | { code: 'duration_missing'; value: number; published: string | null }
  | { code: 'amount_missing'; value: Cents | null }
  | {
      /** A placeholder amount (a run of nines, 10 G€ or more): left out of estimates until confirmed. */
      code: 'amount_sentinel';
      value: Cents | null;
      published: string;
    }
  | {
      /**
       * Amendments brought the amount below half the published one: the schemas make an amendment's
       * `montant` the new total, but many publishers put what it adds. Kept as the new total, left
       * out of estimates until confirmed or corrected.
       */
      code: 'amendment_amount_low';
      value: Cents;
      /** `montant` as first published. */
      initialCents: Cents;
      /** The amendments' amounts, in the order they apply: if they are increments, the total is the initial plus their sum. */
      amendmentCents: Cents[];
    }
  | {
      /** Amendment values that could not be read (invalid date, negative or absurd amount…): ignored, the rest applied. */
      code: 'amendment_ignored';
      value: null;
      issues: { field: string; reason: string }[];
    }
  | AmountAnomalyFlag;

/** The peer-group verdict on a contract's amount (see `assessDecpAmounts`). */
export interface AmountAnomalyFlag {
  code: 'amount_anomalous';
  value: Cents;
  /** `suspect`: robust score above 4, kept in estimates; `aberrant`: above 6, left out until confirmed. */
  level: 'suspect' | 'aberrant';
  /** (log10 of the compared amount − the group's median) ÷ the group's median absolute deviation. */
  score: number;
  /** Amount compared: per month for supplies and services over more than one month, else the whole amount. */
  basis: 'monthly' | 'total';
  comparedCents: Cents;
  peerMedianCents: Cents;
  peerCount: number;
  /** The peer group as described to the user (« classe CPV 3019, accords-cadres, communes »). */
  peerGroup: string;
}

export type DecpFlagCode = DecpFlag['code'];

export const DECP_FLAG_CODES = [
  'undated',
  'holder_id_invalid',
  'cpv_2003',
  'cpv_repaired',
  'cpv_unknown',
  'buyer_id_invalid',
  'id_missing',
  'id_shared',
  'objet_missing',
  'nature_missing',
  'duration_missing',
  'amount_missing',
  'amount_sentinel',
  'amendment_amount_low',
  'amendment_ignored',
  'amount_anomalous',
] as const satisfies readonly DecpFlagCode[];

/** The contract field each flag is about; a flag whose field no longer holds its `value` was corrected. */
export const DECP_FLAG_SUBJECTS = {
  undated: 'startDate',
  holder_id_invalid: 'holderSiret',
  cpv_2003: 'cpvCode',
  cpv_repaired: 'cpvCode',
  cpv_unknown: 'cpvCode',
  buyer_id_invalid: null,
  id_missing: null,
  id_shared: null,
  objet_missing: null,
  nature_missing: 'nature',
  duration_missing: 'durationMonths',
  amount_missing: 'amountCents',
  amount_sentinel: 'amountCents',
  amendment_amount_low: 'amountCents',
  amendment_ignored: null,
  amount_anomalous: 'amountCents',
} as const satisfies Record<DecpFlagCode, string | null>;

/** Short French names of the flags (list filters, badges). */
export const DECP_FLAG_LABELS: Record<DecpFlagCode, string> = {
  undated: 'Non daté',
  holder_id_invalid: 'Titulaire non identifié',
  cpv_2003: 'CPV 2003 converti',
  cpv_repaired: 'CPV corrigé',
  cpv_unknown: 'CPV inconnu',
  buyer_id_invalid: 'SIRET acheteur invalide',
  id_missing: 'Identifiant absent',
  id_shared: 'Identifiant partagé',
  objet_missing: 'Objet absent',
  nature_missing: 'Nature absente',
  duration_missing: 'Durée absente',
  amount_missing: 'Montant absent',
  amount_sentinel: 'Montant fictif',
  amendment_amount_low: 'Avenant en baisse',
  amendment_ignored: 'Modification illisible',
  amount_anomalous: 'Montant anormal',
};

/** A facilitator's confirmation: the flagged value is right as it stands (kept while the value is unchanged). */
export interface DecpFlagReview {
  value: string | number | null;
  by: string;
  at: string;
}

export type DecpFlagReviews = Partial<Record<DecpFlagCode, DecpFlagReview>>;

/**
 * Contracts per flag as a French sentence lists them: « non daté : 1 870, titulaire non identifié : 92 ».
 * The most frequent first (ties in code order), zero counts left out, each flag's short name
 * lowercased as inside a sentence unless it opens with an acronym (« CPV 2003 converti »); '' when
 * nothing is counted (or for an import stored before the counts existed).
 */
export function describeDecpFlagCounts(counts: Partial<Record<DecpFlagCode, number>> | undefined): string {
  return DECP_FLAG_CODES.map((code) => ({ label: DECP_FLAG_LABELS[code], count: counts?.[code] ?? 0 }))
    .filter(({ count }) => count > 0)
    .sort((a, b) => b.count - a.count)
    .map(
      ({ label, count }) =>
        `${/^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label} : ${formatNumberFr(count)}`,
    )
    .join(', ');
}
