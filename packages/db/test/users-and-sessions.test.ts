import { expect, it } from 'vitest';
import { buildOrganization, buildTerritory, buildUser, forEachDialect } from './dialects';
import { domainErrorOf } from './domain-error-of';

forEachDialect('users and sessions repositories', (t) => {
  it('stores a user with a normalised email and finds it whatever the case', async () => {
    const input = buildUser({ email: '  Marie.Curie@Example.FR ' });
    const stored = await t.repos.users.insert(input);
    expect(stored).toMatchObject({ email: 'marie.curie@example.fr', name: input.name, passwordHash: input.passwordHash });
    expect(await t.repos.users.getByEmail('MARIE.CURIE@example.fr')).toEqual(stored);
    expect(await t.repos.users.getById(stored.id)).toEqual(stored);
  });

  it('rejects a second account with the same email as a conflict naming email', async () => {
    const first = await t.repos.users.insert(buildUser());
    const error = await domainErrorOf(() => t.repos.users.insert(buildUser({ email: first.email.toUpperCase() })));
    expect(error.code).toBe('conflict');
    expect(error.details?.issues?.[0]?.field).toBe('email');
  });

  it('lists roles with territory slug and name and organization name', async () => {
    const user = await t.repos.users.insert(buildUser());
    const territory = await t.repos.territories.insert(buildTerritory({ name: 'Alsace' }));
    const org = await t.repos.organizations.insert(buildOrganization({ name: 'Ville de Mulhouse' }));
    const facilitatorId = await t.repos.users.addRole({
      userId: user.id,
      role: 'facilitator',
      territoryId: territory.id,
      organizationId: null,
    });
    const memberId = await t.repos.users.addRole({ userId: user.id, role: 'member', territoryId: territory.id, organizationId: org.id });
    expect(await t.repos.users.listRoles(user.id)).toEqual([
      {
        id: facilitatorId,
        userId: user.id,
        role: 'facilitator',
        territoryId: territory.id,
        territorySlug: territory.slug,
        territoryName: 'Alsace',
        organizationId: null,
        organizationName: null,
      },
      {
        id: memberId,
        userId: user.id,
        role: 'member',
        territoryId: territory.id,
        territorySlug: territory.slug,
        territoryName: 'Alsace',
        organizationId: org.id,
        organizationName: 'Ville de Mulhouse',
      },
    ]);
    expect(await t.repos.users.removeRole(memberId)).toBe(true);
    expect((await t.repos.users.listRoles(user.id)).map((r) => r.role)).toEqual(['facilitator']);
  });

  it('refuses a role on an unknown territory', async () => {
    const user = await t.repos.users.insert(buildUser());
    const error = await domainErrorOf(() =>
      t.repos.users.addRole({ userId: user.id, role: 'observer', territoryId: crypto.randomUUID(), organizationId: null }),
    );
    expect(error.code).toBe('validation_failed');
  });

  it('returns a session only before it expires', async () => {
    const user = await t.repos.users.insert(buildUser());
    const session = {
      id: crypto.randomUUID(),
      userId: user.id,
      createdAt: '2026-11-28T08:00:00.000Z',
      expiresAt: '2026-11-28T20:00:00.000Z',
    };
    await t.repos.sessions.insert(session);
    expect(await t.repos.sessions.getValid(session.id, '2026-11-28T19:59:59.999Z')).toEqual(session);
    expect(await t.repos.sessions.getValid(session.id, '2026-11-28T20:00:00.000Z')).toBeUndefined();
  });

  it('deletes one session, and the expired ones in bulk', async () => {
    const user = await t.repos.users.insert(buildUser());
    const at = (expiresAt: string) => ({ id: crypto.randomUUID(), userId: user.id, createdAt: '2026-11-01T00:00:00.000Z', expiresAt });
    const gone = await t.repos.sessions.insert(at('2026-11-02T00:00:00.000Z'));
    const alsoGone = await t.repos.sessions.insert(at('2026-11-03T00:00:00.000Z'));
    const kept = await t.repos.sessions.insert(at('2026-12-01T00:00:00.000Z'));
    const deletedOne = await t.repos.sessions.insert(at('2026-12-01T00:00:00.000Z'));
    expect(await t.repos.sessions.delete(deletedOne.id)).toBe(true);
    // Only the two sessions above expire before 15 November (the previous test's expires on the 28th).
    expect(await t.repos.sessions.deleteExpired('2026-11-15T00:00:00.000Z')).toBe(2);
    expect(await t.repos.sessions.getValid(gone.id, '2026-11-01T12:00:00.000Z')).toBeUndefined();
    expect(await t.repos.sessions.getValid(alsoGone.id, '2026-11-01T12:00:00.000Z')).toBeUndefined();
    expect(await t.repos.sessions.getValid(kept.id, '2026-11-15T00:00:00.000Z')).toEqual(kept);
  });

  it('deletes a user’s sessions with the user', async () => {
    const user = await t.repos.users.insert(buildUser());
    const session = await t.repos.sessions.insert({
      id: crypto.randomUUID(),
      userId: user.id,
      createdAt: '2026-11-28T08:00:00.000Z',
      expiresAt: '2099-01-01T00:00:00.000Z',
    });
    expect(await t.repos.users.delete(user.id)).toBe(true);
    expect(await t.repos.sessions.getValid(session.id, '2026-11-28T09:00:00.000Z')).toBeUndefined();
  });
});
