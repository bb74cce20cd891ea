import { DomainError } from '@mutualis/core';
import type { RefusalReason } from '@mutualis/core/lifecycle';

/** A refused lifecycle step becomes a `conflict` answer listing every reason and who must act. */
export function refusalError(reasons: readonly RefusalReason[]): DomainError {
  const message = reasons.map((r) => r.message).join(' ');
  return new DomainError('conflict', message, { reasons });
}
