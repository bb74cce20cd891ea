import type { UnitCode } from '@mutualis/core';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
/** One lot of a planned consultation as published: its designer id, label and volume. */
export interface PlannedLot {
  /** Lot id of the designer (`<geo node>|<product node>`), stable for the same demand. */
  id: string;
  label: string;
  volume: number | null;
  unit: UnitCode | null;
  /** INSEE codes of the delivery communes of the lot. */
  siteCodes: string[];
}
/** A consultation a territory plans to launch, published on its public forecast page. */
export interface PlannedConsultation {
  id: string;
  territoryId: string;
  opportunityId: string;
  title: string;
  cpvCode: string;
  volume: number | null;
  unit: UnitCode | null;
  buyerCount: number;
  lots: PlannedLot[];
  maxLotsPerBidder: number | null;
  launchDate: string;
  startDate: string;
  notes: string;
  createdAt: string;
}
export type NewPlannedConsultation = Omit<PlannedConsultation, 'id' | 'createdAt'>;
export declare function createPlannedConsultationRepository(db: Kysely<Database>): {
  getById(id: string): Promise<PlannedConsultation | undefined>;
  /** Consultations of a territory, by launch date. */
  listForTerritory(territoryId: string): Promise<PlannedConsultation[]>;
  insert(input: NewPlannedConsultation): Promise<PlannedConsultation>;
  delete(id: string): Promise<boolean>;
};
export type PlannedConsultationRepository = ReturnType<typeof createPlannedConsultationRepository>;
