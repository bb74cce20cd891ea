import { UNIT_CODES } from '@mutualis/core';
import { z } from 'zod';
import { idSchema, isoDateSchema, quantitySchema, unitSchema } from './fields';

/** A consultation planned from an opportunity and the lots chosen in the designer. */
export const forecastBodySchema = z.strictObject({
  opportunityId: z.string().trim().min(1, 'Opportunité manquante.').max(300),
  /** A structure of the designer's frontier; the recommended one when absent. */
  structureId: z.string().max(64).optional(),
  k: z.number().int().min(1).max(10).default(2),
  maxLotsPerBidder: z.number().int().min(1).max(50).nullable().default(null),
  title: z.string().trim().max(200, 'Titre trop long (200 caractères au plus).').optional(),
  launchDate: isoDateSchema,
  startDate: isoDateSchema,
  notes: z.string().max(2000, 'Notes trop longues (2000 caractères au plus).').default(''),
});
export type ForecastBody = z.input<typeof forecastBodySchema>;

/** A planned consultation as published: volumes only (no prices, no member needs). */
export const publicConsultationSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    cpvCode: z.string(),
    volume: z.number().nullable(),
    unit: z.enum(UNIT_CODES).nullable(),
    buyerCount: z.number(),
    lots: z.array(z.object({ id: z.string(), label: z.string(), volume: z.number().nullable(), unit: z.enum(UNIT_CODES).nullable() })),
    maxLotsPerBidder: z.number().nullable(),
    launchDate: z.string(),
    startDate: z.string(),
    notes: z.string(),
    publishedAt: z.string(),
  })
  .meta({ id: 'PublicConsultation' });
export type PublicConsultationDto = z.infer<typeof publicConsultationSchema>;

export const publicForecastSchema = z
  .object({
    territory: z.object({ slug: z.string(), name: z.string() }),
    consultations: z.array(publicConsultationSchema),
    notice: z.string(),
  })
  .meta({ id: 'PublicForecast' });
export type PublicForecastDto = z.infer<typeof publicForecastSchema>;

export const consultationParamsSchema = z.object({ consultationId: idSchema });

export const interestBodySchema = z.strictObject({
  lotId: z.string().trim().min(1, 'Lot manquant.').max(200),
  capacity: quantitySchema,
  unit: unitSchema.optional(),
  comment: z.string().max(2000, 'Commentaire trop long (2000 caractères au plus).').default(''),
});
export type InterestBody = z.input<typeof interestBodySchema>;

export const interestSchema = z
  .object({
    consultationId: z.string(),
    lotId: z.string(),
    firm: z.object({ id: z.string(), name: z.string() }),
    capacity: z.number(),
    unit: z.enum(UNIT_CODES),
    comment: z.string(),
    updatedAt: z.string(),
    /** The declared capacity covers the lot's published volume: the firm counts as eligible in the designer. */
    coversLot: z.boolean(),
    /** Why the firm is or is not eligible for the lot, in French, with both quantities. */
    eligibility: z.string(),
  })
  .meta({ id: 'InterestDeclaration' });
export type InterestDto = z.infer<typeof interestSchema>;
export const interestListSchema = z.object({ items: z.array(interestSchema) });
export type InterestListDto = z.infer<typeof interestListSchema>;
