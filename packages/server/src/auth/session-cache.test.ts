import { describe, expect, it } from 'vitest';
import type { Actor } from '../authz/actor';
import { SessionCache } from './session-cache';

const actor: Actor = { userId: 'u1', email: 'a@example.fr', name: 'A', sessionId: 's1', isAdmin: false, grants: [] };
const EXPIRES = '2026-11-28T12:00:00.000Z';

describe('SessionCache', () => {
  it('answers a stored caller until the session expires (expiry compared with the request clock)', () => {
    const cache = new SessionCache();
    cache.set('s1', cache.epoch, actor, EXPIRES);
    expect(cache.get('s1', '2026-11-28T11:59:59.999Z')).toBe(actor);
    expect(cache.get('s1', EXPIRES)).toBeUndefined();
  });

  it('forgets every caller on clear, and ignores a caller loaded before the clear', () => {
    const cache = new SessionCache();
    cache.set('s1', cache.epoch, actor, EXPIRES);
    const loadedAt = cache.epoch;
    cache.clear();
    expect(cache.get('s1', '2026-11-28T10:00:00.000Z')).toBeUndefined();
    cache.set('s1', loadedAt, actor, EXPIRES);
    expect(cache.get('s1', '2026-11-28T10:00:00.000Z')).toBeUndefined();
  });

  it('drops an entry older than its maximum age (changes made outside the server)', () => {
    let now = 0;
    const cache = new SessionCache({ maxAgeMs: 1_000, clock: () => now });
    cache.set('s1', cache.epoch, actor, EXPIRES);
    now = 1_000;
    expect(cache.get('s1', '2026-11-28T10:00:00.000Z')).toBe(actor);
    now = 1_001;
    expect(cache.get('s1', '2026-11-28T10:00:00.000Z')).toBeUndefined();
  });
});
