import type { OpportunityDetailDto, OpportunitySummaryDto } from '@mutualis/contract';
import {
  type AnalysedOpportunity,
  canDisclose,
  type Organization,
  type RunningContract,
  redactAmounts,
  shareBandOf,
  withoutDecpAmounts,
} from '@mutualis/core';
import { totalsWithheldFor } from '../../authz/visibility';
import type { OpportunityViewer } from './opportunity-viewer';

/** The article that grounds the procedure kind: the first one after the valuation rule R2121-1. */
function groundingArticle(articles: readonly string[]): string {
  return articles.find((a) => a !== 'R2121-1') ?? articles[0] ?? '';
}

/** One line of the ranked list; what core's disclosure rule withholds from the viewer is null. */
export function presentOpportunitySummary(
  o: AnalysedOpportunity,
  viewer: OpportunityViewer,
  organizations: ReadonlyMap<string, Organization>,
  isReference = true,
): OpportunitySummaryDto {
  const totalsWithheld = totalsWithheldFor(viewer, o, isReference);
  const members = o.members.map((m) => {
    const ownFigure = canDisclose(viewer, { kind: 'organization', organizationId: m.organizationId });
    // A share is the member's amount over the total: exact only when both may be read.
    const share = ownFigure && totalsWithheld === null ? m.share : null;
    return {
      organizationId: m.organizationId,
      siret: m.siret,
      name: m.name,
      departementCode: organizations.get(m.organizationId)?.departementCode ?? '',
      share,
      shareBand: share === null ? shareBandOf(m.share) : null,
      annualAmountCents: ownFigure ? m.annualAmountCents : null,
      isConfirmed: m.isConfirmed,
    };
  });
  const pooled = totalsWithheld === null;
  return {
    id: o.id,
    rank: o.rank,
    family: { key: o.family.key, label: o.family.label, cpvCodes: o.family.cpvCodes, familyId: o.family.familyId },
    cell: o.cell,
    members,
    annualAmountCents: pooled ? o.annualAmountCents : null,
    estimatedValueCents: pooled ? o.estimatedValueCents : null,
    procedure: {
      kind: o.procedure.kind,
      label: o.procedure.labelFr,
      article: groundingArticle(o.procedure.articles),
      articles: o.procedure.articles,
      thresholdVersion: o.procedure.thresholdVersionId,
    },
    thresholdCrossed: o.thresholdCrossed.isCrossed,
    startDate: o.startDate,
    waves: o.waves.length,
    savings: pooled ? o.savings : null,
    coordinator: o.coordinator,
    hasUnconfirmed: o.members.some((m) => !m.isConfirmed),
    pricesHidden: members.some((m) => m.annualAmountCents === null),
    totalsWithheld,
    poolability: o.poolability,
  };
}

export interface PresentOpportunityDetailOptions {
  opportunity: AnalysedOpportunity;
  viewer: OpportunityViewer;
  organizations: ReadonlyMap<string, Organization>;
  /** Running contracts of the members in the opportunity's family. */
  contracts: readonly RunningContract[];
  now: string;
  /** False for another analysis than the reference one (default true). */
  isReference?: boolean;
}

/** The full opportunity; what core's disclosure rule withholds from the viewer is left out, explanations included. */
export function presentOpportunityDetail({
  opportunity: o,
  viewer,
  organizations,
  contracts,
  now,
  isReference = true,
}: PresentOpportunityDetailOptions): OpportunityDetailDto {
  const ownFigure = (organizationId: string) => canDisclose(viewer, { kind: 'organization', organizationId });
  const summary = presentOpportunitySummary(o, viewer, organizations, isReference);
  const pooled = summary.totalsWithheld === null;
  const withheldAmounts = pooled ? [] : [o.annualAmountCents, o.estimatedValueCents, o.savings.low, o.savings.central, o.savings.high];
  return {
    ...summary,
    now,
    explanation: redactAmounts(o.explanation, withheldAmounts),
    quantity: o.quantity,
    waveList: o.waves,
    calendar: {
      ...o.calendar,
      // Actions and bridges quote the bridge amount of the member they are for.
      members: o.calendar.members.map((m) => (ownFigure(m.organizationId) ? m : { ...m, actions: [], bridges: [] })),
    },
    procedureDetail: {
      ...o.procedure,
      estimatedValueCents: pooled ? o.procedure.estimatedValueCents : null,
      explanation: redactAmounts(o.procedure.explanation, withheldAmounts),
      thresholdCrossed: {
        isCrossed: o.procedure.thresholdCrossed.isCrossed,
        members: o.procedure.thresholdCrossed.members.map((m) => ({
          ...m,
          aloneValueCents: ownFigure(m.organizationId) ? m.aloneValueCents : null,
        })),
      },
    },
    // A member's own savings line depends on the whole pool (volumes, best prices): shown with the totals only.
    savingsDetail: pooled ? { ...o.savingsDetail, members: o.savingsDetail.members.filter((m) => ownFigure(m.organizationId)) } : null,
    // A share reveals the total from one's own amount, hence the other's amount in a small pool.
    coordinatorProposal: presentCoordinatorProposal(o, (id) => pooled && ownFigure(id)),
    tenderCommission: o.tenderCommission,
    runningContracts: contracts.map((c) => {
      const visible = canDisclose(viewer, { kind: 'running_contract', organizationId: c.organizationId });
      return {
        id: c.id,
        organizationId: c.organizationId,
        reference: c.reference,
        label: c.label,
        cpvCode: c.cpvCode,
        holderName: c.holderName,
        startDate: c.startDate,
        durationMonths: c.durationMonths,
        renewalCount: c.renewalCount,
        renewalMonths: c.renewalMonths,
        renewalsUsed: c.renewalsUsed,
        noticeMonths: c.noticeMonths,
        finalEndDate: finalEndDate(c),
        amountCents: visible ? c.amountCents : null,
        decpProvenance: visible ? c.decpProvenance : withoutDecpAmounts(c.decpProvenance),
      };
    }),
  };
}

/** Last day of the contract with every renewal exercised. */
function finalEndDate(c: RunningContract): string {
  const end = new Date(`${c.startDate}T00:00:00Z`);
  end.setUTCMonth(end.getUTCMonth() + c.durationMonths + c.renewalCount * c.renewalMonths);
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/**
 * The coordinator proposal; a share or score reveals another member's amount (share × pooled
 * amount), so a caller who may not see all prices gets neither, nor the explanation that quotes them.
 */
function presentCoordinatorProposal(o: AnalysedOpportunity, sees: (organizationId: string) => boolean) {
  const proposal = o.coordinatorProposal;
  const candidates = proposal.candidates.map((c) => (sees(c.organizationId) ? c : { ...c, share: null, score: null }));
  const seesAll = proposal.candidates.every((c) => sees(c.organizationId));
  const reasons = seesAll
    ? proposal.reasons
    : [
        `Mutualis propose ${proposal.name}.`,
        'Les parts et scores des autres membres ne vous sont pas communiqués (ils révèlent leurs montants).',
      ];
  return { ...proposal, candidates, reasons, explanation: reasons.join(' ') };
}
