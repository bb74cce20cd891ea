import { type DesignedLot, DomainError, type OpportunityLotDesign, type UnitCode } from '@mutualis/core';
import type { NewPlannedConsultation, PlannedLot } from '@mutualis/db';
import type { OpportunityDemand } from './load-opportunity-demand';
import { mainCpvCode } from './source-locally';

export interface PlanConsultationOptions {
  territoryId: string;
  demand: OpportunityDemand;
  design: OpportunityLotDesign;
  /** A structure of the frontier; the recommended one when absent. */
  structureId?: string;
  maxLotsPerBidder: number | null;
  title?: string;
  launchDate: string;
  startDate: string;
  notes: string;
}

/** The consultation to publish from an opportunity and the lots the facilitator chose in the designer. */
export function planConsultation(options: PlanConsultationOptions): NewPlannedConsultation {
  const { territoryId, demand, design, structureId } = options;
  if (!design.ok) throw DomainError.validation(design.reason, [{ field: 'opportunityId', reason: design.reason }]);
  const wanted = structureId ?? design.recommendedId;
  const structure = design.frontier.find((s) => s.id === wanted);
  if (!structure) {
    throw DomainError.validation('Découpage inconnu.', [
      { field: 'structureId', reason: 'Ce découpage n’est pas sur la frontière actuelle : rechargez le concepteur de lots.' },
    ]);
  }
  if (options.startDate < options.launchDate) {
    throw DomainError.validation('Dates incohérentes.', [{ field: 'startDate', reason: 'Le début d’exécution suit le lancement.' }]);
  }
  const { opportunity, needs } = demand;
  return {
    territoryId,
    opportunityId: opportunity.id,
    title: options.title?.trim() || opportunity.family.label,
    cpvCode: mainCpvCode(needs) ?? opportunity.family.cpvCodes[0] ?? '',
    volume: opportunity.quantity?.value ?? null,
    unit: opportunity.quantity?.unit ?? null,
    buyerCount: opportunity.members.length,
    lots: structure.lots.map(toPlannedLot),
    maxLotsPerBidder: options.maxLotsPerBidder,
    launchDate: options.launchDate,
    startDate: options.startDate,
    notes: options.notes,
  };
}

function toPlannedLot(lot: DesignedLot): PlannedLot {
  // A lot of one dimension has one volume; mixed units publish no volume rather than a misleading sum.
  const entries = Object.entries(lot.volumes) as [UnitCode, number][];
  const only = entries.length === 1 ? entries[0] : undefined;
  return { id: lot.id, label: lot.label, volume: only ? only[1] : null, unit: only ? only[0] : null, siteCodes: lot.siteCodes };
}
