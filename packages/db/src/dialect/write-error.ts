import { DomainError } from '@mutualis/core/errors';

export interface WriteErrorContext {
  /** Field named in the error when SQLite reports a foreign-key failure (it does not name the column). */
  referenceField: string;
}

/**
 * Turns a constraint violation of either dialect into a `DomainError` naming the field:
 * unique → `conflict`, foreign key → `validation_failed`. Other errors are returned unchanged.
 */
export function translateWriteError(error: unknown, context: WriteErrorContext): unknown {
  const unique = uniqueViolationColumn(error);
  if (unique !== undefined) {
    const field = camelCase(unique);
    return new DomainError('conflict', `Un enregistrement avec ce ${field} existe déjà.`, {
      issues: [{ field, reason: 'Valeur déjà utilisée.' }],
    });
  }
  const reference = foreignKeyViolationColumn(error);
  if (reference !== undefined) {
    const field = reference === '' ? context.referenceField : camelCase(reference);
    return DomainError.validation('Référence vers un enregistrement inexistant.', [
      { field, reason: 'Enregistrement référencé introuvable.' },
    ]);
  }
  return error;
}

/** Runs a write and translates constraint violations (see `translateWriteError`). */
export async function guardWrite<T>(context: WriteErrorContext, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw translateWriteError(error, context);
  }
}

/** A property of a driver error object (`code`, `message`, `detail`), or undefined. */
function prop(error: unknown, key: 'code' | 'message' | 'detail'): unknown {
  if (typeof error !== 'object' || error === null) return undefined;
  const value: unknown = Reflect.get(error, key);
  return value;
}

/** The first column of a violated unique constraint, or undefined when `error` is not one. */
function uniqueViolationColumn(error: unknown): string | undefined {
  const code = prop(error, 'code');
  // better-sqlite3: "UNIQUE constraint failed: organizations.siret" (PRIMARYKEY for the primary key).
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const match = /failed: \w+\.(\w+)/.exec(String(prop(error, 'message')));
    return match?.[1] ?? 'id';
  }
  // pg unique_violation: detail "Key (siret)=(…) already exists."
  if (code === '23505') return /Key \(([\w]+)/.exec(String(prop(error, 'detail')))?.[1] ?? 'id';
  return undefined;
}

/** The referencing column of a foreign-key violation ('' when the driver does not say), or undefined. */
function foreignKeyViolationColumn(error: unknown): string | undefined {
  const code = prop(error, 'code');
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return '';
  // pg foreign_key_violation: detail 'Key (organization_id)=(…) is not present in table "organizations".'
  if (code === '23503') return /Key \(([\w]+)/.exec(String(prop(error, 'detail')))?.[1] ?? '';
  return undefined;
}

function camelCase(column: string): string {
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}
