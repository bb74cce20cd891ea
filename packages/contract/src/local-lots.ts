import { UNIT_CODES } from '@mutualis/core';
import { z } from 'zod';
import { awardRulesSchema, jointBidSchema, lotAwardSchema } from './award-terms';
import { isoDateSchema } from './fields';
import { lonLatSchema } from './local-sourcing';

/** `?k=2&maxLotsPerBidder=&reserved=` of the lot designer. */
export const lotDesignQuerySchema = z.object({
  k: z.coerce
    .number({ error: 'k doit être un nombre.' })
    .int('k doit être un entier.')
    .min(1, 'k vaut au moins 1.')
    .max(10, 'k vaut au plus 10.')
    .default(2),
  maxLotsPerBidder: z.coerce
    .number({ error: 'maxLotsPerBidder doit être un nombre.' })
    .int('maxLotsPerBidder doit être un entier.')
    .min(1, 'maxLotsPerBidder vaut au moins 1.')
    .max(50, 'maxLotsPerBidder vaut au plus 50.')
    .optional(),
  /** Keep only lots that may be reserved (L2113-12/13) visible as such; informative flag. */
  reserved: z.enum(['true', 'false'], { error: 'reserved : true ou false.' }).optional(),
  at: isoDateSchema.optional(),
  /** Weight of supply security in the award criteria, in percent, taken from price (R2152-7 2°). */
  securityWeight: z.coerce
    .number({ error: 'securityWeight doit être un nombre.' })
    .int('securityWeight doit être un entier.')
    .min(0, 'securityWeight vaut au moins 0.')
    .max(20, 'securityWeight vaut au plus 20.')
    .default(0),
});
export type LotDesignQuery = z.input<typeof lotDesignQuerySchema>;

const firmSourceSchema = z.enum(['product', 'producer', 'declaration', 'joint']);

const eligibleFirmSchema = z.object({
  id: z.string(),
  name: z.string(),
  sources: z.array(firmSourceSchema),
  isSme: z.boolean(),
  /** Why the firm can answer the lot: basis of its offer, capacity against the lot's volume, reach of the sites. */
  explanation: z.string(),
});

/** A local firm related to the lot's products that cannot answer it, with each condition it fails. */
const ineligibleFirmSchema = z.object({
  id: z.string(),
  name: z.string(),
  sources: z.array(firmSourceSchema),
  explanation: z.string(),
});

export const designedLotSchema = z.object({
  id: z.string(),
  geoNode: z.string(),
  productNode: z.string(),
  label: z.string(),
  demandUnitIds: z.array(z.string()),
  volumes: z.partialRecord(z.enum(UNIT_CODES), z.number()),
  amountCents: z.number(),
  /** Volume effect of this lot alone in the lot model (before calibration): for comparing lots, not the figure to quote. */
  savingsCents: z.number(),
  isAccessible: z.boolean(),
  isReservable: z.boolean(),
  siteCodes: z.array(z.string()),
  eligibleFirms: z.array(eligibleFirmSchema),
  ineligibleFirms: z.array(ineligibleFirmSchema),
  /** Weighted criteria, execution conditions, turnover cap (R2142-7) and supply security of the lot. */
  award: lotAwardSchema.nullable(),
});
export type DesignedLotDto = z.infer<typeof designedLotSchema>;

export const designedStructureSchema = z.object({
  id: z.string(),
  /** Central yearly savings with this structure: the opportunity's estimate less what the lots lose in volume effect. */
  savingsCents: z.number(),
  /** savingsCents − the opportunity's central estimate (≤ 0). */
  lotEffectCents: z.number(),
  /** Why the figure differs from the opportunity's, or why it does not. */
  savingsExplanation: z.string(),
  accessibleShare: z.number(),
  lots: z.array(designedLotSchema),
  justification: z
    .object({
      grounds: z.array(z.object({ article: z.string(), applies: z.enum(['yes', 'no', 'to_assess']), reason: z.string() })),
      text: z.string(),
    })
    .nullable(),
});
export type DesignedStructureDto = z.infer<typeof designedStructureSchema>;

export const lotDesignSchema = z
  .object({
    opportunity: z.object({ id: z.string(), label: z.string(), buyerCount: z.number() }),
    k: z.number(),
    design: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(false), reason: z.string() }),
      z.object({
        ok: z.literal(true),
        shareBasis: z.enum(['volume', 'amount']),
        isFrontierApproximate: z.boolean(),
        frontier: z.array(designedStructureSchema),
        recommendedId: z.string(),
        recommendedReason: z.enum(['all_accessible', 'best_accessible_share']),
        singleLotId: z.string(),
        /** The opportunity's estimate (low, central, high per year), as on the opportunity page. */
        opportunitySavings: z.object({ low: z.number(), central: z.number(), high: z.number() }),
        awardFeasibility: z.object({ maxLotsPerBidder: z.number().nullable(), lotsAwardableLocally: z.number(), lotCount: z.number() }),
        maxLotsClause: z.string(),
        sites: z.array(z.object({ code: z.string(), name: z.string(), position: lonLatSchema })),
        positionNote: z.string(),
        jointBids: z.array(jointBidSchema),
        awardRules: awardRulesSchema.nullable(),
      }),
    ]),
  })
  .meta({ id: 'LotDesign' });
export type LotDesignDto = z.infer<typeof lotDesignSchema>;
