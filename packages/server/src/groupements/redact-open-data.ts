import { type DisclosureViewer, type Groupement, type OcdsRelease, type OcdsReleasePackage, seesEveryFigure } from '@mutualis/core';
import type { Repositories } from '@mutualis/db';
import type { TerritoryAnalysis } from '../analysis';
import { decideGroupementAggregate, loadGroupementPeers } from './groupement-disclosure';
import { dossierOf } from './load-groupement-dossier';

/** A planning release without its estimated value (OCDS makes `budget.amount` and `tender.value` optional). */
function withoutEstimate(release: OcdsRelease): unknown {
  if (!release.planning) return release;
  const { value: _value, ...tender } = release.tender;
  const { amount: _amount, ...budget } = release.planning.budget;
  return {
    ...release,
    planning: {
      ...release.planning,
      budget: { ...budget, description: `${budget.description} — montant non communiqué (confidentialité des membres)` },
    },
    tender,
  };
}

export interface RedactOpenDataOptions {
  repos: Repositories;
  document: OcdsReleasePackage;
  groupements: readonly Groupement[];
  analysis: TerritoryAnalysis;
  viewer: DisclosureViewer;
  ocidPrefix: string;
}

/**
 * The OCDS package as the viewer may read it: a groupement's estimated value is an aggregate of
 * its members' needs, left out where core's disclosure rule withholds it (award values are the
 * awarded contracts', published as such).
 */
export async function redactOpenData({
  repos,
  document,
  groupements,
  analysis,
  viewer,
  ocidPrefix,
}: RedactOpenDataOptions): Promise<unknown> {
  if (seesEveryFigure(viewer)) return document;
  const withheld = new Set<string>();
  for (const groupement of groupements) {
    const dossier = dossierOf(groupement, analysis);
    // The published estimate is the source opportunity's (every member of it contributes).
    const contributors = dossier.opportunity?.members.map((m) => m.organizationId) ?? [];
    const peers = await loadGroupementPeers(repos, dossier);
    if (!decideGroupementAggregate(viewer, peers, contributors).isShown) withheld.add(`${ocidPrefix}-${groupement.id}`);
  }
  return {
    ...document,
    releases: document.releases.map((r) => (withheld.has(r.ocid) && r.tag.includes('planning') ? withoutEstimate(r) : r)),
  };
}
