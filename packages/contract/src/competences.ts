import { COMPETENCE_KINDS } from '@mutualis/core';
import { z } from 'zod';
import { frenchEnum } from './fields';

export const competenceSchema = z
  .object({
    code: z.string(),
    labelFr: z.string(),
    kind: z.enum(COMPETENCE_KINDS),
    /** The territory that added it (its facilitator edits it); null: shared reference data, read-only. */
    territoryId: z.string().nullable(),
  })
  .meta({ id: 'Competence' });
export type CompetenceDto = z.infer<typeof competenceSchema>;
export const competenceListSchema = z.object({ items: z.array(competenceSchema) });

const labelFr = z.string({ error: 'Libellé attendu.' }).trim().min(1, 'Le libellé ne peut pas être vide.').max(200, 'Libellé trop long.');
const kind = frenchEnum(COMPETENCE_KINDS, 'Type de compétence');

export const competenceCreateSchema = z.strictObject({
  code: z.string({ error: 'Code attendu.' }).regex(/^[a-z0-9_-]{2,64}$/, 'Code attendu : 2 à 64 caractères parmi a-z, 0-9, - et _.'),
  labelFr,
  kind,
});
export type CompetenceCreate = z.input<typeof competenceCreateSchema>;
export const competencePutSchema = z.strictObject({ labelFr, kind });
export type CompetencePut = z.input<typeof competencePutSchema>;
export const competenceParamsSchema = z.object({ code: z.string().min(1).max(64) });
/** `POST /competences?territory=slug`: the territory the new competence belongs to (the caller's only one by default). */
export const competenceCreateQuerySchema = z.object({ territory: z.string().max(64).optional() });
