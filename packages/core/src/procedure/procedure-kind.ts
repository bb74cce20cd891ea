/** Procedure families a pooled purchase can fall into, from lightest to heaviest. */
export const PROCEDURE_KINDS = ['dispense', 'mapa', 'mapa_publicity', 'formalised'] as const;
export type ProcedureKind = (typeof PROCEDURE_KINDS)[number];

/** French label of each procedure kind. */
export const PROCEDURE_LABELS_FR: Record<ProcedureKind, string> = {
  dispense: 'marché sans publicité ni mise en concurrence préalables (dispense)',
  mapa: 'marché à procédure adaptée (MAPA), publicité libre',
  mapa_publicity: 'marché à procédure adaptée (MAPA) avec avis au BOAMP ou dans un JAL',
  formalised: 'procédure formalisée : appel d’offres ouvert (avis BOAMP + JOUE)',
};

/** Rank of a kind: a higher rank is a heavier procedure. */
export function procedureRank(kind: ProcedureKind): number {
  return PROCEDURE_KINDS.indexOf(kind);
}
