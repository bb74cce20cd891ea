import {
  buildDecp2024,
  buildOcdsReleasePackage,
  type Decp2024Document,
  type DecpProcedure,
  type Groupement,
  type OcdsReleasePackage,
  type OpenDataGroupement,
  type ProcedureKind,
} from '@mutualis/core';
import type { TerritoryAnalysis } from '../analysis';
import { dossierOf } from './load-groupement-dossier';

/** Registered-looking prefix of Mutualis OCDS identifiers (a real deployment registers its own). */
export const OCID_PREFIX = 'ocds-mutualis';

const DECP_PROCEDURE: Partial<Record<ProcedureKind, DecpProcedure>> = {
  dispense: 'Marché passé sans publicité ni mise en concurrence préalable',
  mapa: 'Procédure adaptée',
  mapa_publicity: 'Procédure adaptée',
  formalised: "Appel d'offres ouvert",
};

export interface BuildTerritoryOcdsOptions {
  analysis: TerritoryAnalysis;
  groupements: readonly Groupement[];
  /** Absolute URL the package is published at. */
  uri: string;
  /** ISO date-time of publication. */
  publishedDate: string;
}

/** The territory's groupements as an OCDS 1.1 release package: planning now; award and contract once the lifecycle records lots. */
export function buildTerritoryOcds({ analysis, groupements, uri, publishedDate }: BuildTerritoryOcdsOptions): OcdsReleasePackage {
  const planningDate = publishedDate.slice(0, 10);
  const inputs = groupements.map((groupement): OpenDataGroupement => {
    const dossier = dossierOf(groupement, analysis);
    const procedure = dossier.opportunity ? (DECP_PROCEDURE[dossier.opportunity.procedure.kind] ?? null) : null;
    return {
      groupement,
      family: dossier.family,
      organizations: dossier.members,
      estimatedValueCents: dossier.opportunity?.estimatedValueCents ?? 0,
      planningDate,
      procedure,
      lots: [],
    };
  });
  // The coordinator of the first groupement publishes; with no groupement the package is empty and names the territory.
  const coordinator = inputs[0]?.organizations.find((o) => inputs[0]?.groupement.coordinatorIds.includes(o.id));
  const publisher = coordinator
    ? { name: coordinator.name, siret: coordinator.siret }
    : { name: analysis.data.territory.name, siret: analysis.data.territory.slug };
  return buildOcdsReleasePackage({ groupements: inputs, publisher, uri, publishedDate, ocidPrefix: OCID_PREFIX });
}

/**
 * DECP 2024 of the contracts awarded through Mutualis. The lifecycle does not record awards yet
 * (TODO(issue 5): awarded lots), so the document lists none.
 */
export function buildTerritoryDecp(): Decp2024Document {
  return buildDecp2024({ awardedContracts: [] });
}
