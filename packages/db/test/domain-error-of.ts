import { type DomainError, isDomainError } from '@mutualis/core/errors';

/** Runs `action` and returns the DomainError it throws; throws (failing the test) when it throws nothing or something else. */
export async function domainErrorOf(action: () => Promise<unknown>): Promise<DomainError> {
  const error = await action().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isDomainError(error)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}
