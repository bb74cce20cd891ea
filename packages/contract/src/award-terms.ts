import { z } from 'zod';

/** Candidate joint bid (groupement d'opérateurs économiques, R2142-19 et seq.). */
export const jointBidSchema = z.object({
  leadId: z.string(),
  partnerIds: z.array(z.string()),
  name: z.string(),
  recipeLabel: z.string(),
  coveredCount: z.number(),
  competenceCount: z.number(),
  contributions: z.array(z.object({ firmId: z.string(), competences: z.array(z.string()), prerequisites: z.array(z.string()) })),
  explanation: z.string(),
});

/** A step of the local chain's authorisations checklist. */
export const checklistItemSchema = z.object({
  code: z.string(),
  labelFr: z.string(),
  kind: z.enum(['authorisation', 'capability']),
  authority: z.string().nullable(),
  usualDelayDays: z.number(),
  delayNote: z.string(),
  article: z.string(),
  source: z.string(),
  heldBy: z.array(z.string()),
  status: z.enum(['held', 'to_obtain']),
  deadline: z.string(),
  isLate: z.boolean(),
});

export const productPrerequisiteSchema = z.object({
  code: z.string(),
  label: z.string(),
  kind: z.enum(['authorisation', 'capability']),
  article: z.string(),
});

const legalTextSchema = z.object({ article: z.string(), text: z.string(), source: z.string(), verify: z.boolean() });

/** Criteria, conditions, turnover cap and supply security of one lot (issue 17 §2). */
export const lotAwardSchema = z.object({
  criteria: z.object({
    criteria: z.array(
      z.object({
        kind: z.enum(['price', 'technical', 'environmental', 'social', 'supply_security']),
        labelFr: z.string(),
        weight: z.number(),
        basis: z.string(),
      }),
    ),
    conditions: z.array(
      z.object({ kind: z.enum(['environmental', 'social']), labelFr: z.string(), isRequired: z.boolean(), basis: z.string() }),
    ),
    securityCost: z.object({ premiumShare: z.number(), maxCents: z.number(), explanation: z.string() }),
    obligations: z.array(z.string()),
  }),
  turnover: z.object({ capCents: z.number(), factor: z.number(), proposedCents: z.number().nullable(), explanation: z.string() }),
  security: z.object({
    expectedBidders: z.object({
      localEligible: z.number(),
      pastOffersMedian: z.number().nullable(),
      pastContractsWithOffers: z.number(),
      text: z.string(),
    }),
    concentration: z.object({
      hhi: z.number().nullable(),
      holderCount: z.number(),
      topHolder: z.object({ name: z.string(), share: z.number() }).nullable(),
      text: z.string(),
    }),
    dependence: z.object({ singleBidder: z.boolean(), singleSourceInputs: z.array(z.string()), text: z.string() }),
    distance: z.object({ farthestSiteKm: z.number().nullable(), text: z.string() }),
    level: z.enum(['solide', 'moyenne', 'fragile']),
    risks: z.array(z.string()),
    explanation: z.string(),
  }),
});
export type LotAwardDto = z.infer<typeof lotAwardSchema>;

export const awardRulesSchema = z.object({
  id: z.string(),
  effectiveFrom: z.string(),
  texts: z.array(legalTextSchema),
  obligations: z.array(z.string()),
});

/** When urgence impérieuse (R2122-1) applies to an urgent need, and when it does not. */
export const urgencyExplanationSchema = z
  .object({
    article: z.string(),
    articleText: z.string(),
    source: z.string(),
    conditions: z.array(z.string()),
    doesNotApply: z.array(z.string()),
    alternatives: z.array(z.string()),
    text: z.string(),
  })
  .meta({ id: 'UrgencyExplanation' });
export type UrgencyExplanationDto = z.infer<typeof urgencyExplanationSchema>;

/** The facilitator's stored "urgent" mark on an opportunity's need (issue 17 §3). */
export const urgencyMarkSchema = z
  .object({
    isUrgent: z.boolean(),
    markedAt: z.string().nullable(),
  })
  .meta({ id: 'UrgencyMark' });
export type UrgencyMarkDto = z.infer<typeof urgencyMarkSchema>;

export const urgencyMarkBodySchema = z.object({
  isUrgent: z.boolean({ error: 'isUrgent attendu : true pour marquer le besoin urgent, false pour retirer la marque.' }),
});
export type UrgencyMarkBody = z.infer<typeof urgencyMarkBodySchema>;
