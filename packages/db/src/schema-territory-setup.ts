/** Tables of the territory set-up from the browser (issue 16 §2, migration 202612061700). */

/** What a one-time link lets its holder do. */
export type AuthTokenPurpose = 'invitation' | 'password_reset' | 'setup';

/** A one-time link: only the SHA-256 of its token is stored; used once (`used_at`), then dead. */
export interface AuthTokenTable {
  id: string;
  token_hash: string;
  purpose: AuthTokenPurpose;
  /** The account whose password the link sets; null for the first administrator's set-up link. */
  user_id: string | null;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface CensusCampaignTable {
  id: string;
  territory_id: string;
  title: string;
  message: string;
  /** `YYYY-MM-DD`, last day to answer. */
  deadline: string;
  /** JSON of purchase family ids in scope. */
  family_ids_json: string;
  opened_at: string;
  opened_by: string | null;
  closed_at: string | null;
}

export interface CensusCampaignResponseTable {
  campaign_id: string;
  organization_id: string;
  answered_at: string;
  answered_by: string | null;
}

export interface CensusCampaignReminderTable {
  id: string;
  campaign_id: string;
  organization_id: string;
  sent_at: string;
  sent_by: string | null;
  /** Number of e-mails sent for this reminder (0 without SMTP). */
  emailed: number;
}

export type AccountRequestStatus = 'pending' | 'approved' | 'rejected';

export interface AccountRequestTable {
  id: string;
  territory_id: string;
  siret: string;
  organization_name: string;
  insee_code: string;
  contact_name: string;
  email: string;
  phone: string;
  message: string;
  status: AccountRequestStatus;
  created_at: string;
  decided_at: string | null;
  decided_by: string | null;
  decision_note: string;
  organization_id: string | null;
}
