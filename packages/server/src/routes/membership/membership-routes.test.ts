import type { GroupementDto, JoinableGroupementList, MembershipRequestDto } from '@mutualis/contract';
import type { NewGroupement } from '@mutualis/db';
import { expect, it } from 'vitest';
import { buildGroupement, buildOrganization } from '../../../../db/test/dialects';
import { type AppTestContext, describeApp, fieldsOf } from '../../../test/test-app';

interface Reason {
  code: string;
}
const reasonCodes = (response: { json(): unknown }) =>
  (response.json() as { details: { reasons: Reason[] } }).details.reasons.map((r) => r.code);

describeApp('requests to join a groupement', (t) => {
  /** A groupement of A2 and a newcomer: the member's organization (A1) is not in it. */
  async function groupementWithoutA1(t: AppTestContext, overrides: Partial<NewGroupement> = {}) {
    const newcomer = await t.repos.organizations.insert(buildOrganization());
    await t.repos.memberships.add(t.world.territoryA.id, newcomer.id);
    return t.repos.groupements.insert(
      buildGroupement({
        territoryId: t.world.territoryA.id,
        familyId: 'fam-salt',
        memberIds: [t.world.buyerA2.id, newcomer.id],
        coordinatorIds: [t.world.buyerA2.id],
        ...overrides,
      }),
    );
  }
  const ask = (groupementId: string, message = 'Nous achetons 80 t de sel par an.') =>
    t.as('member').post(`/api/groupements/${groupementId}/membership-requests`, { organizationId: t.world.buyerA1.id, message });

  it('lets a removed member ask to join again: the request waits, the facilitator accepts it, and it is audited', async () => {
    const created = await t.as('facilitator').post(`/api/territories/${t.world.territoryA.slug}/groupements`, {
      opportunityId: 'famille:fam-salt@territoire',
    });
    const groupement = created.json() as GroupementDto;
    const newcomer = await t.repos.organizations.insert(buildOrganization());
    await t.repos.memberships.add(t.world.territoryA.id, newcomer.id);
    // The facilitator removes A1, then drafts the convention.
    const removed = await t.as('facilitator').patch(`/api/groupements/${groupement.id}`, {
      memberIds: [t.world.buyerA2.id, newcomer.id],
      coordinatorIds: [t.world.buyerA2.id],
    });
    expect(removed.statusCode, removed.body).toBe(200);
    await t.as('facilitator').post(`/api/groupements/${groupement.id}/transitions`, { to: 'convention_drafted' });
    // Adding itself back is refused; the file stays out of reach.
    const selfAdded = await t.as('member').post(`/api/groupements/${groupement.id}/members`, { organizationId: t.world.buyerA1.id });
    expect(selfAdded.statusCode).toBe(403);
    expect((await t.repos.groupements.getById(groupement.id))?.memberIds).not.toContain(t.world.buyerA1.id);
    expect((await t.as('member').get(`/api/groupements/${groupement.id}/file.xlsx`)).statusCode).toBe(403);

    const asked = await ask(groupement.id);
    expect(asked.statusCode, asked.body).toBe(201);
    const request = asked.json() as MembershipRequestDto;
    expect(request).toMatchObject({ status: 'pending', organizationName: t.world.buyerA1.name, groupementName: groupement.name });
    expect((await t.repos.groupements.getById(groupement.id))?.memberIds).not.toContain(t.world.buyerA1.id);

    const listed = await t.as('facilitator').get(`/api/territories/${t.world.territoryA.slug}/membership-requests?status=pending`);
    expect((listed.json() as { items: MembershipRequestDto[] }).items.map((r) => r.id)).toContain(request.id);
    const accepted = await t.as('facilitator').post(`/api/membership-requests/${request.id}/decision`, { decision: 'accept' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', decisionReason: null });
    expect((await t.repos.groupements.getById(groupement.id))?.memberIds).toContain(t.world.buyerA1.id);

    const audit = (await t.as('facilitator').get(`/api/groupements/${groupement.id}/audit`)).json() as {
      items: { action: string; summary: string }[];
    };
    const actions = audit.items.map((e) => e.action);
    expect(actions).toContain('groupement.membership_requested');
    expect(audit.items.find((e) => e.action === 'groupement.membership_requested')?.summary).toBe(
      `${t.world.buyerA1.name} demande à rejoindre le groupement`,
    );
    expect(audit.items.filter((e) => e.action === 'groupement.member_admitted').map((e) => e.summary)).toContain(
      'Demande d’adhésion acceptée',
    );
    // Decided once: a second decision is a conflict.
    const again = await t.as('facilitator').post(`/api/membership-requests/${request.id}/decision`, { decision: 'refuse', reason: 'Non' });
    expect(again.statusCode).toBe(409);
    expect(reasonCodes(again)).toEqual(['already_decided']);
  });

  it('refuses a second waiting request, then shows the refusal and its reason to the requester', async () => {
    const groupement = await groupementWithoutA1(t);
    const first = await ask(groupement.id);
    expect(first.statusCode).toBe(201);
    const second = await ask(groupement.id);
    expect(second.statusCode).toBe(409);
    expect(reasonCodes(second)).toEqual(['already_requested']);

    const noReason = await t.as('facilitator').post(`/api/membership-requests/${first.json().id}/decision`, { decision: 'refuse' });
    expect(noReason.statusCode).toBe(400);
    expect(fieldsOf(noReason)).toEqual(['reason']);
    const refused = await t.as('facilitator').post(`/api/membership-requests/${first.json().id}/decision`, {
      decision: 'refuse',
      reason: 'Besoin déjà couvert par un marché en cours.',
    });
    expect(refused.statusCode).toBe(200);
    expect((await t.repos.groupements.getById(groupement.id))?.memberIds).not.toContain(t.world.buyerA1.id);

    const joinable = (
      await t.as('member').get(`/api/territories/${t.world.territoryA.slug}/groupements/joinable`)
    ).json() as JoinableGroupementList;
    const item = joinable.items.find((g) => g.id === groupement.id);
    expect(item?.request).toMatchObject({ status: 'refused', decisionReason: 'Besoin déjà couvert par un marché en cours.' });
    expect(item?.cannotRequestReason).toBeNull();
    expect(item?.memberNames).toContain(t.world.buyerA2.name);
  });

  it('refuses a request to a launched one-off groupement, citing L2111-1', async () => {
    const groupement = await groupementWithoutA1(t, { status: 'launched' });
    const response = await ask(groupement.id);
    expect(response.statusCode).toBe(409);
    expect(reasonCodes(response)).toEqual(['late_joiner']);
    expect(response.json().message).toContain('L2111-1');
    const joinable = (
      await t.as('member').get(`/api/territories/${t.world.territoryA.slug}/groupements/joinable`)
    ).json() as JoinableGroupementList;
    expect(joinable.items.find((g) => g.id === groupement.id)?.cannotRequestReason).toContain('L2111-1');
  });

  it('lets the coordinator decide where the convention gives it admissions, and not otherwise', async () => {
    const byCoordinator = await groupementWithoutA1(t, { admissionsBy: 'coordinator' });
    const asked = await ask(byCoordinator.id);
    expect(asked.statusCode).toBe(201);
    // A1 coordinates neither groupement: the member cannot decide on this one.
    expect((await t.as('member').get(`/api/groupements/${byCoordinator.id}/membership-requests`)).statusCode).toBe(403);
    const coordinated = await t.repos.groupements.insert(
      buildGroupement({
        territoryId: t.world.territoryA.id,
        familyId: 'fam-salt',
        memberIds: [t.world.buyerA1.id, t.world.buyerA2.id],
        coordinatorIds: [t.world.buyerA1.id],
        admissionsBy: 'coordinator',
      }),
    );
    const newcomer = await t.repos.organizations.insert(buildOrganization());
    await t.repos.memberships.add(t.world.territoryA.id, newcomer.id);
    const request = await t.repos.membershipRequests.insert({
      groupementId: coordinated.id,
      organizationId: newcomer.id,
      message: '',
      requestedBy: 'test',
      requestedAt: '2026-12-06T10:00:00.000Z',
    });
    const listed = await t.as('member').get(`/api/groupements/${coordinated.id}/membership-requests`);
    expect((listed.json() as { items: MembershipRequestDto[] }).items.map((r) => r.id)).toEqual([request.id]);
    const accepted = await t.as('member').post(`/api/membership-requests/${request.id}/decision`, { decision: 'accept' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((await t.repos.groupements.getById(coordinated.id))?.memberIds).toContain(newcomer.id);
  });

  it('writes who decides admissions in the convention', async () => {
    const groupement = await groupementWithoutA1(t, { admissionsBy: 'coordinator', memberIds: [t.world.buyerA1.id, t.world.buyerA2.id] });
    const response = await t.as('member').get(`/api/groupements/${groupement.id}/convention.docx`);
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.length).toBeGreaterThan(0);
    const { default: JSZip } = await import('jszip');
    const xml = (await (await JSZip.loadAsync(response.rawPayload)).file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('Toute demande d’adhésion est adressée au coordonnateur');
    expect(xml).toContain('aucune organisation ne s’inscrit elle-même au groupement');
  });
});
