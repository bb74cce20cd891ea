import { UNIT_CODES } from '@mutualis/core';
import { z } from 'zod';
import { checklistItemSchema, jointBidSchema, productPrerequisiteSchema } from './award-terms';
import { paginationQuerySchema, pageSchema } from './common';
import { cpvPrefixSchema, idSchema, isoDateSchema } from './fields';
import { supplierProfileSchema } from './suppliers';

/** [longitude, latitude] in degrees. */
export const lonLatSchema = z.tuple([z.number(), z.number()]);

const reachSchema = z.object({
  meanDistanceKm: z.number(),
  maxDistanceKm: z.number(),
  reachesAllSites: z.boolean(),
  sitesReached: z.number(),
});
const labelledCodeSchema = z.object({ code: z.string(), label: z.string() });

/** Supply-chain graph + coverage + per-firm explanations of a need or an opportunity (R2111-1 sourcing). */
export const sourcingResultSchema = z
  .object({
    need: z.object({
      productCpvCode: z.string(),
      label: z.string(),
      quantity: z.number(),
      unit: z.enum(UNIT_CODES),
      deliveryCommunes: z.array(z.string()),
    }),
    recipeId: z.string().nullable(),
    recipeLabel: z.string().nullable(),
    directSuppliers: z.array(
      z.object({
        firmId: z.string(),
        name: z.string(),
        match: z.enum(['exact', 'class']),
        productLabel: z.string(),
        capacity: z.number().nullable(),
        capacityShare: z.number(),
        reach: reachSchema,
        explanation: z.string(),
      }),
    ),
    potentialProducers: z.array(
      z.object({
        firmId: z.string(),
        name: z.string(),
        recipeLabel: z.string(),
        competenceCoverage: z.number(),
        covered: z.array(labelledCodeSchema),
        missing: z.array(labelledCodeSchema),
        capacity: z.number().nullable(),
        capacityIsEstimated: z.boolean(),
        capacityShare: z.number(),
        reach: reachSchema,
        /** Blocking prerequisites it does not meet (biocide declaration, ICPE status…): it cannot answer alone. */
        missingPrerequisites: z.array(z.object({ code: z.string(), label: z.string(), article: z.string() })),
        explanation: z.string(),
      }),
    ),
    inputs: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        cpvCode: z.string().nullable(),
        requiredQuantity: z.number(),
        unit: z.enum(UNIT_CODES),
        suppliers: z.array(
          z.object({
            firmId: z.string(),
            name: z.string(),
            productLabel: z.string(),
            capacity: z.number().nullable(),
            capacityShare: z.number(),
            nearestProducerKm: z.number().nullable(),
            explanation: z.string(),
          }),
        ),
        hasLocalSource: z.boolean(),
        capacityShare: z.number(),
      }),
    ),
    coverage: z.object({ share: z.number(), directShare: z.number(), producerShare: z.number(), allInputsSourced: z.boolean() }),
    graph: z.object({
      nodes: z.array(
        z.object({ id: z.string(), kind: z.enum(['need', 'direct_supplier', 'producer', 'input', 'input_supplier']), label: z.string() }),
      ),
      edges: z.array(z.object({ from: z.string(), to: z.string(), label: z.string() })),
    }),
    notice: z.string(),
    positionNote: z.string(),
    prerequisites: z.array(productPrerequisiteSchema),
    jointBids: z.array(jointBidSchema),
    checklist: z.array(checklistItemSchema).nullable(),
  })
  .meta({ id: 'SourcingResult' });
export type SourcingResultDto = z.infer<typeof sourcingResultSchema>;

export const sourcingOpportunityParamsSchema = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,64}$/), id: z.string().min(1).max(300) });
export const sourcingQuerySchema = z.object({ at: isoDateSchema.optional() });

/** A firm of the territory's directory: profile, approximate position and contracts it holds with members. */
export const firmSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    siret: z.string(),
    inseeCode: z.string(),
    departementCode: z.string(),
    position: lonLatSchema,
    profile: supplierProfileSchema,
    contractsHeld: z.array(z.object({ reference: z.string(), label: z.string(), buyerName: z.string(), startDate: z.string() })),
  })
  .meta({ id: 'LocalFirm' });
export type FirmDto = z.infer<typeof firmSchema>;

export const firmListQuerySchema = paginationQuerySchema.extend({
  competence: z.string().max(64).optional(),
  cpv: cpvPrefixSchema.optional(),
});
export const firmListSchema = pageSchema(firmSchema).extend({ positionNote: z.string() });
export type FirmListDto = z.infer<typeof firmListSchema>;

/** What the offline map of a territory draws: its départements, firms and delivery sites. */
export const localMapSchema = z
  .object({
    departementCodes: z.array(z.string()),
    firms: z.array(
      z.object({ id: z.string(), name: z.string(), position: lonLatSchema, deliveryRadiusKm: z.number(), isSme: z.boolean() }),
    ),
    sites: z.array(z.object({ code: z.string(), name: z.string(), position: lonLatSchema, organizations: z.array(z.string()) })),
    positionNote: z.string(),
  })
  .meta({ id: 'LocalMap' });
export type LocalMapDto = z.infer<typeof localMapSchema>;

export const CONTACT_CHANNELS = ['email', 'telephone', 'reunion', 'visite', 'courrier', 'plateforme'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const contactBodySchema = z.strictObject({
  firm: idSchema,
  channel: z.enum(CONTACT_CHANNELS, { error: `Canal attendu : ${CONTACT_CHANNELS.join(', ')}.` }),
  subject: z.string().trim().min(1, 'Objet manquant.').max(200, 'Objet trop long (200 caractères au plus).'),
  notes: z.string().max(4000, 'Notes trop longues (4000 caractères au plus).').default(''),
});
export type ContactBody = z.input<typeof contactBodySchema>;

export const contactSchema = z
  .object({
    id: z.string(),
    firm: z.object({ id: z.string(), name: z.string() }),
    channel: z.string(),
    subject: z.string(),
    notes: z.string(),
    occurredAt: z.string(),
    loggedBy: z.string().nullable(),
  })
  .meta({ id: 'Contact' });
export type ContactDto = z.infer<typeof contactSchema>;
export const contactListQuerySchema = paginationQuerySchema.extend({ firm: idSchema.optional() });
export const contactListSchema = pageSchema(contactSchema).extend({ notice: z.string() });
export type ContactListDto = z.infer<typeof contactListSchema>;
