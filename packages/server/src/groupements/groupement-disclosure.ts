import { type Disclosure, type DisclosureViewer, decideDisclosure } from '@mutualis/core';
import type { Repositories } from '@mutualis/db';
import type { LaunchValues } from '@mutualis/core/lifecycle';
import type { GroupementDossier } from './load-groupement-dossier';

/**
 * The member sets of the aggregates a viewer may be shown about one groupement's needs: its
 * current members, the members of the opportunity it came from (reference analysis), and the
 * members frozen at launch. A total over one of them must not differ from a total over another
 * by a single other organization (`relatedContributorIds` of core's rule).
 */
export interface GroupementPeers {
  memberIds: readonly string[];
  opportunityMemberIds: readonly string[] | null;
  launchMemberIds: readonly string[] | null;
}

/** Core's rule for an aggregate of a groupement's needs over `contributorIds` (the organizations whose figures add up to it). */
export function decideGroupementAggregate(viewer: DisclosureViewer, peers: GroupementPeers, contributorIds: readonly string[]): Disclosure {
  const related = [peers.memberIds, peers.opportunityMemberIds, peers.launchMemberIds].flatMap((ids) => (ids === null ? [] : [ids]));
  return decideDisclosure(viewer, { kind: 'aggregate', contributorIds, relatedContributorIds: related });
}

/** The peers of a groupement from its dossier (today's reference analysis) and its launch snapshot. */
export async function loadGroupementPeers(repos: Repositories, dossier: GroupementDossier): Promise<GroupementPeers> {
  const snapshots = await repos.decisionSnapshots.list(dossier.groupement.id);
  const launch = snapshots.filter((s) => s.kind === 'launch').at(-1);
  const launchMemberIds = (launch?.values as LaunchValues | undefined)?.memberIds ?? null;
  return {
    memberIds: dossier.groupement.memberIds,
    opportunityMemberIds: dossier.opportunity?.members.map((m) => m.organizationId) ?? null,
    launchMemberIds,
  };
}
