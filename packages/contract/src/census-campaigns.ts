import { z } from 'zod';
import { idSchema, isoDateSchema } from './fields';

export const CENSUS_ANSWER_STATUSES = ['answered', 'in_progress', 'not_started'] as const;

export const censusCampaignSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    message: z.string(),
    deadline: z.string(),
    families: z.array(z.object({ id: z.string(), name: z.string() })),
    openedAt: z.string(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: 'CensusCampaign' });
export type CensusCampaignDto = z.infer<typeof censusCampaignSchema>;

export const organizationCensusProgressSchema = z.object({
  organizationId: z.string(),
  name: z.string(),
  status: z.enum(CENSUS_ANSWER_STATUSES),
  answeredAt: z.string().nullable(),
  needCount: z.number().int(),
  contractCount: z.number().int(),
  missingFamilies: z.array(z.object({ id: z.string(), name: z.string() })),
  lastRemindedAt: z.string().nullable(),
  reminderCount: z.number().int(),
});
export type OrganizationCensusProgressDto = z.infer<typeof organizationCensusProgressSchema>;

/**
 * The territory's current campaign (open, else the latest) with who answered; a member sees its
 * own organizations only. `campaign` is null when none was ever opened.
 */
export const censusCampaignViewSchema = z
  .object({
    campaign: censusCampaignSchema.nullable(),
    organizations: z.array(organizationCensusProgressSchema),
    counts: z.object({ answered: z.number().int(), in_progress: z.number().int(), not_started: z.number().int() }),
    isPastDeadline: z.boolean(),
    /** Whether the instance sends e-mail (else members learn of the campaign on their first screen only). */
    emailConfigured: z.boolean(),
  })
  .meta({ id: 'CensusCampaignView' });
export type CensusCampaignView = z.infer<typeof censusCampaignViewSchema>;

export const censusCampaignCreateSchema = z.strictObject({
  title: z.string({ error: 'Titre attendu.' }).trim().min(3, 'Titre trop court.').max(120, 'Titre trop long (120 caractères au plus).'),
  deadline: isoDateSchema,
  familyIds: z.array(idSchema).min(1, 'Choisissez au moins une famille d’achat.').max(100, '100 familles au plus.'),
  message: z.string().trim().max(2000, 'Message trop long (2000 caractères au plus).').optional(),
});
export type CensusCampaignCreate = z.input<typeof censusCampaignCreateSchema>;

export const censusReminderSchema = z.strictObject({
  /** Organizations to remind; every organization that has not answered when absent. */
  organizationIds: z.array(idSchema).max(1000).optional(),
});
export type CensusReminderBody = z.input<typeof censusReminderSchema>;

export const censusReminderResultSchema = z.object({ reminded: z.number().int(), emailed: z.number().int() });
export type CensusReminderResult = z.infer<typeof censusReminderResultSchema>;

export const censusResponseSchema = z.strictObject({ organizationId: idSchema });
export type CensusResponseBody = z.input<typeof censusResponseSchema>;
