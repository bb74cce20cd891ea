import { DomainError, type FieldIssue, isDomainError } from '@mutualis/core';
import { databaseUnavailable, unavailableKindOf } from '@mutualis/db';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  message?: string;
  validationContext?: string;
}

interface ZodIssueParams {
  keys?: string[];
  issue?: { keys?: string[] };
}

/** Turns the issues of the zod type provider into `{ field, reason }` (dotted field paths). */
function issuesOfValidation(error: unknown): FieldIssue[] {
  if (!hasZodFastifySchemaValidationErrors(error)) return [];
  const context = (error as FastifyLikeError).validationContext ?? 'body';
  return error.validation.flatMap((v) => {
    const field = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const params = v.params as ZodIssueParams;
    const keys = params.keys ?? params.issue?.keys;
    if (v.keyword === 'unrecognized_keys' && keys) {
      return keys.map((key) => ({ field: field ? `${field}.${key}` : key, reason: 'Champ non reconnu.' }));
    }
    return [{ field: field || context, reason: v.message ?? 'Valeur invalide.' }];
  });
}

/**
 * Maps anything thrown while serving a request to a DomainError: domain errors as they are,
 * zod validation to `validation_failed`, Fastify's own errors by status, unique violations
 * of either database to `conflict`, a database that is unreachable or busy to `unavailable`
 * (503), and the rest to `internal`.
 */
export function toDomainError(error: unknown): DomainError {
  if (isDomainError(error)) return error;
  const unavailable = unavailableKindOf(error);
  if (unavailable !== null) return databaseUnavailable(unavailable);
  if (hasZodFastifySchemaValidationErrors(error)) {
    return DomainError.validation('Certaines valeurs sont invalides.', issuesOfValidation(error));
  }
  const e = (typeof error === 'object' && error !== null ? error : {}) as FastifyLikeError;
  if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || e.code === '23505') {
    return new DomainError('conflict', 'Cet enregistrement existe déjà.');
  }
  switch (e.statusCode) {
    case 400:
    case 406:
    case 415:
      return DomainError.validation('Requête illisible.', [{ field: 'body', reason: frenchReasonOf(e) }]);
    case 404:
      return new DomainError('not_found', 'Ressource introuvable.');
    case 413:
      return new DomainError('payload_too_large', 'Le corps de la requête dépasse la taille autorisée.');
    case 429:
      return new DomainError('rate_limited', 'Trop de tentatives ; réessayez plus tard.');
    default:
      return new DomainError('internal', 'Erreur interne du serveur.');
  }
}

function frenchReasonOf(e: FastifyLikeError): string {
  if (e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return 'Corps JSON vide.';
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'Type de contenu non pris en charge (JSON attendu).';
  if (e.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') return 'En-tête Content-Length incohérent.';
  return 'JSON invalide.';
}
