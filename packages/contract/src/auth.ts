import { ROLES } from '@mutualis/core';
import { z } from 'zod';

export const loginRequestSchema = z.strictObject({
  email: z.string({ error: 'Adresse e-mail attendue.' }).trim().toLowerCase().pipe(z.email('Adresse e-mail invalide.').max(254)),
  password: z
    .string({ error: 'Mot de passe attendu.' })
    .min(1, 'Le mot de passe ne peut pas être vide.')
    .max(512, 'Mot de passe trop long.'),
});
export type LoginRequest = z.input<typeof loginRequestSchema>;

export const roleGrantSchema = z.object({
  role: z.enum(ROLES),
  territoryId: z.string(),
  territorySlug: z.string(),
  territoryName: z.string(),
  organizationId: z.string().nullable(),
  organizationName: z.string().nullable(),
});
export type RoleGrantDto = z.infer<typeof roleGrantSchema>;

/** `isAdmin`: an instance administrator (creates territories and their facilitators). */
export const sessionUserSchema = z.object({ id: z.string(), email: z.string(), name: z.string(), isAdmin: z.boolean() });

/** Answer of `GET /api/auth/me` and `POST /api/auth/login`. */
export const meResponseSchema = z.object({ user: sessionUserSchema, roles: z.array(roleGrantSchema) }).meta({ id: 'Me' });
export type MeResponse = z.infer<typeof meResponseSchema>;

/** The custom header every non-GET request carries (CSRF defence: it forces a CORS preflight). */
export const CLIENT_HEADER = 'x-mutualis-client';
export const CLIENT_HEADER_VALUE = 'web';
export const SESSION_COOKIE = 'mutualis_session';
