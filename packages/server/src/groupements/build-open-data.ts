import {
  buildAwardedLots,
  buildDecp2024,
  buildDecpContracts,
  buildOcdsReleasePackage,
  type Decp2024Document,
  DomainError,
  type DecpProcedure,
  type Groupement,
  type IsoDate,
  type OcdsReleasePackage,
  type OpenDataGroupement,
  type ProcedureKind,
} from '@mutualis/core';
import type { Repositories } from '@mutualis/db';
import type { TerritoryAnalysis } from '../analysis';
import type { LaunchValues } from '@mutualis/core';
import { dossierOf } from './load-groupement-dossier';

/** Registered-looking prefix of Mutualis OCDS identifiers (a real deployment registers its own). */
export const OCID_PREFIX = 'ocds-mutualis';

const DECP_PROCEDURE: Partial<Record<ProcedureKind, DecpProcedure>> = {
  dispense: 'Marché passé sans publicité ni mise en concurrence préalable',
  mapa: 'Procédure adaptée',
  mapa_publicity: 'Procédure adaptée',
  formalised: "Appel d'offres ouvert",
};

export interface LoadTerritoryOpenDataOptions {
  repos: Repositories;
  analysis: TerritoryAnalysis;
  groupements: readonly Groupement[];
  /** Date the planning information is published. */
  planningDate: IsoDate;
}

/**
 * Every groupement of the territory as open data publishes it: members and coordinators, the value
 * and procedure decided at launch (else today's estimate), and the lots awarded in its current
 * procedure with their holders, values (committed spend over the duration) and essential data.
 */
export async function loadTerritoryOpenData({ repos, analysis, groupements, planningDate }: LoadTerritoryOpenDataOptions) {
  const ids = groupements.map((g) => g.id);
  const [awards, snapshots] = await Promise.all([
    repos.lotAwards.listByGroupements(ids),
    Promise.all(ids.map((id) => repos.decisionSnapshots.list(id))),
  ]);
  const isFrameworkAgreement = analysis.result.parameters.contractTerm.nature === 'accord_cadre';
  const organizations = new Map(analysis.data.organizations.map((o) => [o.id, o]));
  return Promise.all(
    groupements.map(async (groupement, index): Promise<OpenDataGroupement> => {
      const dossier = dossierOf(groupement, analysis);
      const launch = (snapshots[index] ?? []).filter((s) => s.kind === 'launch').at(-1);
      const values = launch?.values as LaunchValues | undefined;
      const procedureNumber = launch?.procedureNumber ?? 0;
      const own = awards.filter((a) => a.groupementId === groupement.id && a.procedureNumber === procedureNumber && procedureNumber > 0);
      const kind = (values?.procedure?.kind ?? dossier.opportunity?.procedure.kind) as ProcedureKind | undefined;
      const lots = buildAwardedLots({
        awards: own,
        baselines: values?.baselines ?? [],
        cpvCode: dossier.family.cpvCodes[0] ?? dossier.opportunity?.family.cpvCodes[0] ?? '',
        isFrameworkAgreement,
      });
      const holders = await Promise.all(lots.map((l) => repos.organizations.getBySiret(l.supplier.siret)));
      const partyIds = [...new Set([...groupement.coordinatorIds, ...groupement.memberIds])];
      return {
        groupement,
        family: dossier.family,
        organizations: partyIds.flatMap((id) => {
          const organization = organizations.get(id);
          return organization ? [organization] : [];
        }),
        estimatedValueCents: values?.estimatedValueCents ?? dossier.opportunity?.estimatedValueCents ?? 0,
        planningDate,
        procedure: kind ? (DECP_PROCEDURE[kind] ?? null) : null,
        lots: lots.map((lot, i) => ({ ...lot, supplier: { ...lot.supplier, kind: holders[i]?.kind } })),
        procedureNumber: Math.max(1, procedureNumber),
      };
    }),
  );
}

export interface BuildTerritoryOcdsOptions {
  inputs: readonly OpenDataGroupement[];
  territoryName: string;
  /** Absolute URL the package is published at. */
  uri: string;
  /** ISO date-time of publication. */
  publishedDate: string;
}

/** The territory's groupements as an OCDS 1.1 release package: planning, then award and contract once lots are awarded. */
export function buildTerritoryOcds({ inputs, territoryName, uri, publishedDate }: BuildTerritoryOcdsOptions): OcdsReleasePackage {
  // The coordinator of the first groupement publishes; with no groupement the package names the territory.
  const coordinator = inputs[0]?.organizations.find((o) => inputs[0]?.groupement.coordinatorIds.includes(o.id));
  const publisher = coordinator
    ? { name: coordinator.name, siret: coordinator.siret, kind: coordinator.kind }
    : { name: territoryName, siret: null };
  return buildOcdsReleasePackage({ groupements: inputs, publisher, uri, publishedDate, ocidPrefix: OCID_PREFIX });
}

/**
 * DECP 2024 of the lots awarded through Mutualis, published on `publicationDate`. A lot whose essential
 * data are not recorded yet (or notified later) cannot be published: `validation_failed` names each one.
 */
export function buildTerritoryDecp({
  inputs,
  publicationDate,
}: {
  inputs: readonly OpenDataGroupement[];
  publicationDate: IsoDate;
}): Decp2024Document {
  const { contracts, missing } = buildDecpContracts({ groupements: inputs, publicationDate });
  if (missing.length > 0) {
    throw DomainError.validation(
      'Données essentielles à compléter avant publication : enregistrez-les sur chaque lot attribué (cycle de vie du groupement).',
      missing,
    );
  }
  return buildDecp2024({ awardedContracts: contracts });
}
