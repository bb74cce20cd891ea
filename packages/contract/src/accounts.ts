import { ROLES } from '@mutualis/core';
import { z } from 'zod';
import { idSchema } from './fields';

/** An e-mail address as typed: trimmed and lower-cased. */
export const emailSchema = z
  .string({ error: 'Adresse e-mail attendue.' })
  .trim()
  .toLowerCase()
  .pipe(z.email('Adresse e-mail invalide.').max(254, 'Adresse e-mail trop longue.'));

export const personNameSchema = z
  .string({ error: 'Nom attendu.' })
  .trim()
  .min(2, 'Indiquez le prénom et le nom.')
  .max(120, 'Nom trop long (120 caractères au plus).');

/** Shortest password accepted: long enough that a passphrase beats a word with digits. */
export const MIN_PASSWORD_LENGTH = 10;

export const newPasswordSchema = z
  .string({ error: 'Mot de passe attendu.' })
  .min(MIN_PASSWORD_LENGTH, `Le mot de passe doit compter au moins ${MIN_PASSWORD_LENGTH} caractères.`)
  .max(512, 'Mot de passe trop long (512 caractères au plus).');

/** The token of a one-time link (43 base64url characters). */
export const linkTokenSchema = z
  .string({ error: 'Lien incomplet.' })
  .regex(/^[A-Za-z0-9_-]{32,128}$/, 'Ce lien est incomplet ou mal copié : ouvrez-le tel que vous l’avez reçu.');

/** One role of an account, with the names the UI shows. */
export const accountRoleSchema = z.object({
  id: z.string(),
  role: z.enum(ROLES),
  territorySlug: z.string(),
  territoryName: z.string(),
  organizationId: z.string().nullable(),
  organizationName: z.string().nullable(),
});

export const accountSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    isAdmin: z.boolean(),
    /** False while the invitation has not been accepted. */
    hasPassword: z.boolean(),
    roles: z.array(accountRoleSchema),
  })
  .meta({ id: 'Account' });
export type AccountDto = z.infer<typeof accountSchema>;

export const accountListSchema = z.object({ items: z.array(accountSchema) });
export type AccountList = z.infer<typeof accountListSchema>;

/**
 * How a one-time link reached its holder: by e-mail (the link itself is then never shown), or
 * handed to the caller to pass on (`url`) when e-mail is not configured or failed (`emailError`).
 */
export const linkDeliverySchema = z
  .object({
    purpose: z.enum(['invitation', 'password_reset', 'setup']),
    emailed: z.boolean(),
    url: z.string().nullable(),
    expiresAt: z.string(),
    emailError: z.string().nullable(),
  })
  .meta({ id: 'LinkDelivery' });
export type LinkDelivery = z.infer<typeof linkDeliverySchema>;

/** Answer to an invitation: the account, and the link when one was issued (none for an account that already has a password). */
export const invitationResultSchema = z
  .object({ account: accountSchema, created: z.boolean(), link: linkDeliverySchema.nullable(), notified: z.boolean() })
  .meta({ id: 'InvitationResult' });
export type InvitationResult = z.infer<typeof invitationResultSchema>;

const INVITABLE_ROLES = ['facilitator', 'member', 'supplier', 'observer'] as const;

/** A facilitator invites someone to its territory; members and suppliers act for one of its organizations. */
export const territoryInvitationSchema = z
  .strictObject({
    email: emailSchema,
    name: personNameSchema,
    role: z.enum(INVITABLE_ROLES, { error: 'Rôle attendu : animateur, acheteur, entreprise ou observateur.' }),
    organizationId: idSchema.nullable().optional(),
  })
  .superRefine((value, ctx) => {
    const needsOrganization = value.role === 'member' || value.role === 'supplier';
    if (needsOrganization && !value.organizationId) {
      ctx.addIssue({ code: 'custom', path: ['organizationId'], message: 'Choisissez l’organisation pour laquelle cette personne agit.' });
    }
    if (!needsOrganization && value.organizationId) {
      ctx.addIssue({
        code: 'custom',
        path: ['organizationId'],
        message: 'Un animateur ou un observateur n’agit pour aucune organisation.',
      });
    }
  });
export type TerritoryInvitation = z.input<typeof territoryInvitationSchema>;

/** A member (or the facilitator) invites a colleague of an organization. */
export const organizationInvitationSchema = z.strictObject({ email: emailSchema, name: personNameSchema });
export type OrganizationInvitation = z.input<typeof organizationInvitationSchema>;

export const userParamsSchema = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,64}$/), userId: z.string().min(1).max(64) });
export const organizationUserParamsSchema = z.object({ id: z.string().min(1).max(64), userId: z.string().min(1).max(64) });

/** What a one-time link is for, shown before the password is chosen. */
export const linkInfoSchema = z
  .object({
    purpose: z.enum(['invitation', 'password_reset', 'setup']),
    email: z.string().nullable(),
    name: z.string().nullable(),
    expiresAt: z.string(),
  })
  .meta({ id: 'LinkInfo' });
export type LinkInfo = z.infer<typeof linkInfoSchema>;

export const linkTokenBodySchema = z.strictObject({ token: linkTokenSchema });

export const setPasswordSchema = z.strictObject({ token: linkTokenSchema, password: newPasswordSchema });
export type SetPasswordBody = z.input<typeof setPasswordSchema>;

export const passwordResetRequestSchema = z.strictObject({ email: emailSchema });

export const passwordResetAnswerSchema = z.object({
  /** False when the instance sends no e-mail: the user must ask its facilitator for a link. */
  emailConfigured: z.boolean(),
  message: z.string(),
});
export type PasswordResetAnswer = z.infer<typeof passwordResetAnswerSchema>;

/** The first administrator, created from the set-up link printed at start. */
export const setupAdministratorSchema = z.strictObject({
  token: linkTokenSchema,
  email: emailSchema,
  name: personNameSchema,
  password: newPasswordSchema,
});
export type SetupAdministratorBody = z.input<typeof setupAdministratorSchema>;

/** The administrators' view of a territory: its facilitators. */
export const adminTerritorySchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    isDemo: z.boolean(),
    organizationCount: z.number().int(),
    facilitators: z.array(accountSchema),
  })
  .meta({ id: 'AdminTerritory' });
export type AdminTerritoryDto = z.infer<typeof adminTerritorySchema>;
export const adminTerritoryListSchema = z.object({ items: z.array(adminTerritorySchema), administrators: z.array(accountSchema) });
export type AdminTerritoryList = z.infer<typeof adminTerritoryListSchema>;

export const POOLING_SCOPE_KINDS = ['territory', 'departement', 'region', 'epci'] as const;

export const territoryCreateSchema = z.strictObject({
  name: z.string({ error: 'Nom attendu.' }).trim().min(2, 'Nom trop court.').max(120, 'Nom trop long (120 caractères au plus).'),
  slug: z
    .string({ error: 'Identifiant court attendu.' })
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Lettres minuscules sans accents, chiffres et tirets simples (ex. pays-basque).')
    .min(2, 'De 2 à 64 caractères.')
    .max(64, 'De 2 à 64 caractères.'),
  /** Who may pool with whom: the whole territory (default), or members of one département, région or EPCI. */
  poolingScope: z.enum(POOLING_SCOPE_KINDS).optional(),
});
export type TerritoryCreate = z.input<typeof territoryCreateSchema>;

export const facilitatorInvitationSchema = z.strictObject({ email: emailSchema, name: personNameSchema });
