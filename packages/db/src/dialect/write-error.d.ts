export interface WriteErrorContext {
  /** Field named in the error when SQLite reports a foreign-key failure (it does not name the column). */
  referenceField: string;
}
/**
 * Turns a constraint violation of either dialect into a `DomainError` naming the field:
 * unique → `conflict`, foreign key → `validation_failed`. Other errors are returned unchanged.
 */
export declare function translateWriteError(error: unknown, context: WriteErrorContext): unknown;
/** Runs a write and translates constraint violations (see `translateWriteError`). */
export declare function guardWrite<T>(context: WriteErrorContext, write: () => Promise<T>): Promise<T>;
