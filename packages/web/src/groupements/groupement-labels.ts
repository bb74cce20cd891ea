import type { GroupementDto } from '@mutualis/contract';

export const MANDATE_LABELS: Record<GroupementDto['mandateScope'], string> = {
  procedure: 'Passation de la procédure',
  procedure_signature: 'Passation, signature et notification',
  procedure_signature_execution: 'Passation, signature, notification et exécution',
};

export const GROUPEMENT_STATUS_LABELS: Record<GroupementDto['status'], string> = {
  draft: 'Projet',
  convention_drafted: 'Convention rédigée',
  signed: 'Convention signée',
  launched: 'Procédure lancée',
  awarded: 'Attribué',
  running: 'En exécution',
  closed: 'Clos',
  renewed: 'Renouvelé',
};

export const MANDATE_OPTIONS = Object.entries(MANDATE_LABELS).map(([value, label]) => ({ value, label }));

export function isMandateScope(value: string | null): value is GroupementDto['mandateScope'] {
  return value !== null && value in MANDATE_LABELS;
}
