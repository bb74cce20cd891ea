/** Procedure kinds of the analysis, lightest first (core/procedure PROCEDURE_KINDS). */
export const PROCEDURE_KIND_ORDER = ['dispense', 'mapa', 'mapa_publicity', 'formalised'] as const;
export type ProcedureKind = (typeof PROCEDURE_KIND_ORDER)[number];

interface ProcedureLook {
  /** Short name for a badge. */
  short: string;
  /** One sentence a buyer reads in a tooltip. */
  meaning: string;
  color: string;
}

const LOOKS: Record<ProcedureKind, ProcedureLook> = {
  dispense: { short: 'Sans publicité', meaning: 'Achat sans publicité ni mise en concurrence (sous le seuil de dispense).', color: 'gray' },
  mapa: { short: 'MAPA', meaning: 'Procédure adaptée, publicité libre.', color: 'teal' },
  mapa_publicity: {
    short: 'MAPA + avis',
    meaning: 'Procédure adaptée avec avis au BOAMP ou dans un journal d’annonces légales.',
    color: 'yellow',
  },
  formalised: { short: 'Appel d’offres', meaning: 'Procédure formalisée : avis au BOAMP et au JOUE, délais minimaux, CAO.', color: 'red' },
};

const UNKNOWN: ProcedureLook = { short: 'Procédure', meaning: '', color: 'gray' };

function isKind(kind: string): kind is ProcedureKind {
  return (PROCEDURE_KIND_ORDER as readonly string[]).includes(kind);
}

/** Badge text, meaning and colour of a procedure kind; colour by heaviness (grey → red). */
export function procedureLook(kind: string | null | undefined): ProcedureLook {
  return kind && isKind(kind) ? LOOKS[kind] : UNKNOWN;
}

export const PROCEDURE_FILTER_OPTIONS = PROCEDURE_KIND_ORDER.map((kind) => ({ value: kind, label: LOOKS[kind].short }));
