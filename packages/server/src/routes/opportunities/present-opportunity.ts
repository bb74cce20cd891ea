import type { OpportunityDetailDto, OpportunitySummaryDto } from '@mutualis/contract';
import { type AnalysedOpportunity, type Organization, type RunningContract, withoutDecpAmounts } from '@mutualis/core';
import { canSeePricesOf, type OpportunityViewer } from './opportunity-viewer';

/** The article that grounds the procedure kind: the first one after the valuation rule R2121-1. */
function groundingArticle(articles: readonly string[]): string {
  return articles.find((a) => a !== 'R2121-1') ?? articles[0] ?? '';
}

/** One line of the ranked list; other members' shares and amounts are null for a member buyer. */
export function presentOpportunitySummary(
  o: AnalysedOpportunity,
  viewer: OpportunityViewer,
  organizations: ReadonlyMap<string, Organization>,
): OpportunitySummaryDto {
  const members = o.members.map((m) => {
    const visible = canSeePricesOf(viewer, m.organizationId);
    return {
      organizationId: m.organizationId,
      siret: m.siret,
      name: m.name,
      departementCode: organizations.get(m.organizationId)?.departementCode ?? '',
      share: visible ? m.share : null,
      annualAmountCents: visible ? m.annualAmountCents : null,
      isConfirmed: m.isConfirmed,
    };
  });
  return {
    id: o.id,
    rank: o.rank,
    family: { key: o.family.key, label: o.family.label, cpvCodes: o.family.cpvCodes, familyId: o.family.familyId },
    cell: o.cell,
    members,
    annualAmountCents: o.annualAmountCents,
    estimatedValueCents: o.estimatedValueCents,
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
    savings: o.savings,
    coordinator: o.coordinator,
    hasUnconfirmed: o.members.some((m) => !m.isConfirmed),
    pricesHidden: members.some((m) => m.share === null),
  };
}

export interface PresentOpportunityDetailOptions {
  opportunity: AnalysedOpportunity;
  viewer: OpportunityViewer;
  organizations: ReadonlyMap<string, Organization>;
  /** Running contracts of the members in the opportunity's family. */
  contracts: readonly RunningContract[];
  now: string;
}

/** The full opportunity; for a member buyer, what reveals another member's prices is left out. */
export function presentOpportunityDetail({
  opportunity: o,
  viewer,
  organizations,
  contracts,
  now,
}: PresentOpportunityDetailOptions): OpportunityDetailDto {
  const sees = (organizationId: string) => canSeePricesOf(viewer, organizationId);
  return {
    ...presentOpportunitySummary(o, viewer, organizations),
    now,
    explanation: o.explanation,
    quantity: o.quantity,
    waveList: o.waves,
    calendar: {
      ...o.calendar,
      // Actions and bridges quote the bridge amount of the member they are for.
      members: o.calendar.members.map((m) => (sees(m.organizationId) ? m : { ...m, actions: [], bridges: [] })),
    },
    procedureDetail: {
      ...o.procedure,
      thresholdCrossed: {
        isCrossed: o.procedure.thresholdCrossed.isCrossed,
        members: o.procedure.thresholdCrossed.members.map((m) => ({
          ...m,
          aloneValueCents: sees(m.organizationId) ? m.aloneValueCents : null,
        })),
      },
    },
    savingsDetail: { ...o.savingsDetail, members: o.savingsDetail.members.filter((m) => sees(m.organizationId)) },
    coordinatorProposal: presentCoordinatorProposal(o, sees),
    tenderCommission: o.tenderCommission,
    runningContracts: contracts.map((c) => ({
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
      amountCents: sees(c.organizationId) ? c.amountCents : null,
      decpProvenance: sees(c.organizationId) ? c.decpProvenance : withoutDecpAmounts(c.decpProvenance),
    })),
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
