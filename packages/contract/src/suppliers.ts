import { UNIT_CODES } from '@mutualis/core';
import { z } from 'zod';
import { paginationQuerySchema } from './common';
import { cpvPrefixSchema, cpvSchema, labelSchema, quantitySchema, unitSchema } from './fields';
import { organizationSchema } from './organizations';

export const supplierProductSchema = z.object({
  cpvCode: z.string(),
  label: z.string(),
  /** Null when the caller only sees published fields (member buyers). */
  annualCapacity: z.number().nullable(),
  unit: z.enum(UNIT_CODES),
});

export const supplierProfileSchema = z
  .object({
    organizationId: z.string(),
    nafCodes: z.array(z.string()),
    competences: z.array(z.string()),
    products: z.array(supplierProductSchema),
    deliveryRadiusKm: z.number(),
    certifications: z.array(z.string()),
    isSme: z.boolean(),
    description: z.string(),
  })
  .meta({ id: 'SupplierProfile' });
export type SupplierProfileDto = z.infer<typeof supplierProfileSchema>;

/** Whom buyers and the facilitator reach at the firm. */
export const supplierContactSchema = z.object({ name: z.string(), email: z.string(), phone: z.string() });
export type SupplierContactDto = z.infer<typeof supplierContactSchema>;

/** A supplier profile with the organization it describes; `contact` and `gaps` (what the profile still lacks, in French) on the one-firm routes. */
export const supplierSchema = z
  .object({
    organization: organizationSchema,
    profile: supplierProfileSchema,
    contact: supplierContactSchema.optional(),
    gaps: z.array(z.string()).optional(),
  })
  .meta({ id: 'Supplier' });
export type SupplierDto = z.infer<typeof supplierSchema>;

const nafCodeSchema = z.string().regex(/^\d{2}\.\d{2}[A-Z]$/, 'Code NAF rév. 2 attendu (ex. 10.71C).');

export const supplierProfilePutSchema = z.strictObject({
  nafCodes: z.array(nafCodeSchema).max(20, '20 codes NAF au plus.'),
  competences: z.array(z.string().min(1).max(64)).max(100, '100 compétences au plus.'),
  products: z
    .array(
      z.strictObject({
        cpvCode: cpvSchema,
        label: labelSchema,
        annualCapacity: quantitySchema,
        unit: unitSchema,
      }),
    )
    .max(200, '200 produits au plus.'),
  deliveryRadiusKm: z.number({ error: 'Rayon de livraison attendu (km).' }).min(0, 'Rayon négatif.').max(2000, 'Rayon de 2000 km au plus.'),
  certifications: z.array(z.string().trim().min(1).max(100)).max(50, '50 certifications au plus.'),
  isSme: z.boolean({ error: 'isSme : vrai ou faux attendu.' }),
  description: z.string().max(4000, 'Description trop longue (4000 caractères au plus).'),
  /** Left unchanged when absent. */
  contact: z
    .strictObject({
      name: z.string().trim().max(120, 'Nom trop long (120 caractères au plus).'),
      email: z.union([z.literal(''), z.string().trim().toLowerCase().pipe(z.email('Adresse e-mail invalide.').max(254))]),
      phone: z
        .string()
        .trim()
        .max(30, 'Numéro trop long.')
        .regex(/^[+0-9 ().-]*$/, 'Numéro de téléphone : chiffres, espaces, +, points ou tirets.'),
    })
    .optional(),
});
export type SupplierProfilePut = z.input<typeof supplierProfilePutSchema>;

export const supplierListQuerySchema = paginationQuerySchema.extend({
  territory: z.string().optional(),
  competence: z.string().max(64).optional(),
  cpv: cpvPrefixSchema.optional(),
});
export type SupplierListQuery = z.input<typeof supplierListQuerySchema>;
