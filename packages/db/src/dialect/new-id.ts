import { randomUUID } from 'node:crypto';

/** A new UUID v4 for a row id. */
export function newId(): string {
  return randomUUID();
}
