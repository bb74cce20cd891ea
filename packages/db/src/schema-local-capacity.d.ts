import type { UnitCode } from '@mutualis/core';
type Timestamp = string;
/** Recipes of a territory (migration 202611280930_local_capacity); JSON columns hold inputs and competences. */
export interface RecipeTable {
  territory_id: string;
  id: string;
  product_cpv_code: string;
  label: string;
  unit: UnitCode;
  inputs_json: string;
  competences_json: string;
  provenance: string;
  updated_at: Timestamp;
}
/** A consultation the territory plans to launch, published to local firms. */
export interface PlannedConsultationTable {
  id: string;
  territory_id: string;
  opportunity_id: string;
  title: string;
  cpv_code: string;
  volume: number | null;
  unit: UnitCode | null;
  buyer_count: number;
  /** JSON of PlannedLot[]. */
  lots_json: string;
  max_lots_per_bidder: number | null;
  launch_date: string;
  start_date: string;
  notes: string;
  created_at: Timestamp;
}
export interface InterestDeclarationTable {
  consultation_id: string;
  lot_id: string;
  organization_id: string;
  capacity: number;
  unit: UnitCode;
  comment: string;
  updated_at: Timestamp;
}
export interface ContactLogTable {
  id: string;
  territory_id: string;
  organization_id: string;
  user_id: string | null;
  channel: string;
  subject: string;
  notes: string;
  occurred_at: Timestamp;
}
