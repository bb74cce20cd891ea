import { DomainError, formatQuantityInUnitFr, type UnitCode } from '@mutualis/core';
import type { InterestDeclaration, PlannedConsultation, Repositories } from '@mutualis/db';

export interface DeclareInterestOptions {
  repos: Repositories;
  consultation: PlannedConsultation;
  organizationId: string;
  userId: string;
  lotId: string;
  capacity: number;
  unit?: UnitCode;
  comment: string;
  now: Date;
}

/**
 * Stores a firm's interest and capacity for one lot and logs the exchange in the contact log, so
 * every firm's exchanges with the territory stay on record alike (R2111-1: equal treatment).
 */
export async function declareInterest(options: DeclareInterestOptions): Promise<InterestDeclaration> {
  const { repos, consultation, organizationId, lotId, capacity, comment } = options;
  const lot = consultation.lots.find((l) => l.id === lotId);
  if (!lot) throw DomainError.validation('Lot inconnu.', [{ field: 'lotId', reason: 'Ce lot ne fait pas partie de la consultation.' }]);
  const unit = options.unit ?? lot.unit;
  if (unit === null) throw DomainError.validation('Unité manquante.', [{ field: 'unit', reason: 'Précisez l’unité de la capacité.' }]);
  const declaration = await repos.interestDeclarations.upsert({
    consultationId: consultation.id,
    lotId,
    organizationId,
    capacity,
    unit,
    comment,
  });
  await repos.contactLog.insert({
    territoryId: consultation.territoryId,
    organizationId,
    userId: options.userId,
    channel: 'plateforme',
    subject: `Déclaration d’intérêt : ${consultation.title} — ${lot.label}`,
    notes: `Capacité déclarée : ${formatQuantityInUnitFr(capacity, unit)}.${comment ? ` ${comment}` : ''}`,
    occurredAt: options.now.toISOString(),
  });
  return declaration;
}
