import { expect, it } from 'vitest';
import { describeApp } from '../../../test/test-app';

/** The de-icing salt opportunity of territory A (test world). */
const SALT = encodeURIComponent('famille:fam-salt@territoire');

describeApp('urgency mark routes (issue 17 §3)', (t) => {
  const url = (id = SALT) => `/api/territories/${t.world.territoryA.slug}/opportunities/${id}/urgency-mark`;

  it('stores the facilitator’s urgent mark, shows it to the observer after the fact, and removes it', async () => {
    expect((await t.as('facilitator').get(url())).json()).toEqual({ isUrgent: false, markedAt: null });
    const marked = await t.as('facilitator').put(url(), { isUrgent: true });
    expect(marked.statusCode, marked.body).toBe(200);
    const mark = marked.json<{ isUrgent: boolean; markedAt: string }>();
    expect(mark.isUrgent).toBe(true);
    expect(mark.markedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // Marking again keeps the first date; a reader of the local chain sees the stored mark.
    expect((await t.as('facilitator').put(url(), { isUrgent: true })).json()).toEqual(mark);
    expect((await t.as('observer').get(url())).json()).toEqual(mark);
    expect((await t.as('facilitator').put(url(), { isUrgent: false })).json()).toEqual({ isUrgent: false, markedAt: null });
    expect((await t.as('facilitator').get(url())).json()).toEqual({ isUrgent: false, markedAt: null });
  });

  it('refuses a body without isUrgent and an unknown opportunity, storing nothing', async () => {
    const bad = await t.as('facilitator').put(url(), { isUrgent: 'oui' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('isUrgent');
    expect((await t.as('facilitator').put(url(encodeURIComponent('famille:inconnue@territoire')), { isUrgent: true })).statusCode).toBe(
      404,
    );
    expect((await t.as('facilitator').get(url())).json()).toEqual({ isUrgent: false, markedAt: null });
  });

  it('lets only the territory’s facilitator mark: not a member, the observer, a supplier or another territory’s facilitator', async () => {
    for (const persona of ['member', 'observer', 'supplier'] as const)
      expect((await t.as(persona).put(url(), { isUrgent: true })).statusCode, persona).toBe(403);
    expect((await t.as('otherFacilitator').put(url(), { isUrgent: true })).statusCode).toBe(404);
    expect((await t.as('member').get(url())).statusCode).toBe(403);
    expect((await t.as('facilitator').get(url())).json()).toEqual({ isUrgent: false, markedAt: null });
  });
});
