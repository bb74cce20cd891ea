import { type Disclosure, type DisclosureViewer, type Groupement, type IsoDate, seesEveryFigure } from '@mutualis/core';
import type { Repositories } from '@mutualis/db';
import type { AnalysisCache, TerritoryAnalysis } from '../analysis';
import { decideGroupementAggregate, dossierOf, loadGroupementDossier, loadGroupementPeers } from '../groupements';

/** Core's disclosure rule for one reader and one groupement: may it see an aggregate over these contributors? */
export type GroupementAggregateDecider = (contributorIds: readonly string[]) => Disclosure;

const SHOWN: Disclosure = { isShown: true };

/** The organizations whose figures add up to a total of the launch baselines (a zero baseline adds nothing). */
export function baselineContributors(baselines: readonly { organizationId: string; annualAmountCents: number }[]): string[] {
  return baselines.filter((b) => b.annualAmountCents > 0).map((b) => b.organizationId);
}

export interface GroupementDeciderOptions {
  repos: Repositories;
  groupement: Groupement;
  viewer: DisclosureViewer;
  /** Today: the reference analysis that gives the groupement's source opportunity. */
  at: IsoDate;
  cache?: AnalysisCache<TerritoryAnalysis>;
  /** An analysis already computed for the territory (the dashboard reads many groupements). */
  analysis?: TerritoryAnalysis;
}

/**
 * The decider for a groupement's aggregates: the staff sees them all; anybody else through core's
 * rule, with the groupement's peers (source opportunity, launch members) as related totals.
 */
export async function groupementAggregateDecider(options: GroupementDeciderOptions): Promise<GroupementAggregateDecider> {
  const { repos, groupement, viewer, at, cache, analysis } = options;
  if (seesEveryFigure(viewer)) return () => SHOWN;
  const dossier = analysis
    ? dossierOf(groupement, analysis)
    : await loadGroupementDossier({ repos, groupement, at, ...(cache ? { cache } : {}) });
  const peers = await loadGroupementPeers(repos, dossier);
  return (contributorIds) => decideGroupementAggregate(viewer, peers, contributorIds);
}
