import { CONTRACT_NATURES } from '@mutualis/core';
import { z } from 'zod';
import { paginationQuerySchema } from './common';
import {
  centsSchema,
  cpvPrefixSchema,
  cpvSchema,
  departementCodeSchema,
  frenchEnum,
  idSchema,
  isoDateSchema,
  labelSchema,
  siretSchema,
} from './fields';

/** A running contract; `amountCents` (and the amount line of `decpProvenance`) hidden from the caller when `pricesHidden`. */
export const runningContractSchema = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    reference: z.string(),
    cpvCode: z.string(),
    label: z.string(),
    holderSiret: z.string().nullable(),
    holderName: z.string().nullable(),
    notificationDate: z.string().nullable(),
    startDate: z.string(),
    durationMonths: z.number(),
    renewalCount: z.number(),
    renewalMonths: z.number(),
    noticeMonths: z.number(),
    renewalsUsed: z.number(),
    amountCents: z.number().nullable(),
    nature: z.enum(CONTRACT_NATURES),
    source: z.enum(['manual', 'decp']),
    decpId: z.string().nullable(),
    /**
     * Why the imported dates, amount or holders differ from the record as first published (amendments,
     * estimated start), one French sentence each; empty for most. Without the amount line when `pricesHidden`.
     */
    decpProvenance: z.array(z.string()),
    pricesHidden: z.boolean(),
  })
  .meta({ id: 'RunningContract' });
export type RunningContractDto = z.infer<typeof runningContractSchema>;

const months = (what: string, max: number) =>
  z
    .number({ error: `${what} : nombre de mois attendu.` })
    .int(`${what} : nombre entier de mois attendu.`)
    .min(0, `${what} ne peut pas être négatif.`)
    .max(max, `${what} : ${max} au plus.`);

const contractFields = {
  reference: z.string().trim().min(1, 'La référence ne peut pas être vide.').max(100, 'Référence trop longue.'),
  cpvCode: cpvSchema,
  label: labelSchema,
  holderSiret: siretSchema.nullable(),
  holderName: z.string().trim().max(200, 'Nom trop long.').nullable(),
  notificationDate: isoDateSchema.nullable(),
  startDate: isoDateSchema,
  durationMonths: months('La durée', 240).refine((v) => v > 0, 'La durée doit être d’au moins un mois.'),
  renewalCount: z
    .number()
    .int('Nombre entier de reconductions attendu.')
    .min(0, 'Nombre de reconductions négatif.')
    .max(20, '20 reconductions au plus.'),
  renewalMonths: months('La durée d’une reconduction', 120),
  noticeMonths: months('Le préavis', 24),
  renewalsUsed: z.number().int('Nombre entier attendu.').min(0, 'Nombre négatif.').max(20, '20 au plus.'),
  amountCents: centsSchema.nullable(),
  nature: frenchEnum(CONTRACT_NATURES, 'Nature du contrat'),
};

export const contractCreateSchema = z
  .strictObject({ organizationId: idSchema, ...contractFields })
  .partial()
  .required({
    organizationId: true,
    reference: true,
    cpvCode: true,
    label: true,
    startDate: true,
    durationMonths: true,
  });
export type ContractCreate = z.input<typeof contractCreateSchema>;
export type ContractCreateParsed = z.output<typeof contractCreateSchema>;

export const contractPatchSchema = z.strictObject(contractFields).partial();
export type ContractPatch = z.input<typeof contractPatchSchema>;
export type ContractPatchParsed = z.output<typeof contractPatchSchema>;

export const contractListQuerySchema = paginationQuerySchema.extend({
  territory: z.string().optional(),
  organization: z.string().optional(),
  cpv: cpvPrefixSchema.optional(),
  departement: departementCodeSchema.optional(),
});
export type ContractListQuery = z.input<typeof contractListQuerySchema>;
