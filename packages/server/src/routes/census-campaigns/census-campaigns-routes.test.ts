import { describe, expect, it } from 'vitest';
import { buildNeed, buildRunningContract, CPV } from '../../../../db/test/dialects';
import { describeApp, fieldsOf } from '../../../test/test-app';

/** The app's clock: 6 December 2026, noon UTC. */
const NOW = new Date('2026-12-06T12:00:00.000Z');

describeApp(
  'census campaigns',
  (t) => {
    const url = (suffix = '') => `/api/territories/${t.world.territoryA.slug}/census-campaign${suffix}`;
    const open = (body: Record<string, unknown>) =>
      t.as('facilitator').post(`/api/territories/${t.world.territoryA.slug}/census-campaigns`, body);

    describe('in order', () => {
      it('shows no campaign before the first one', async () => {
        const view = await t.as('member').get(url());
        expect(view.json()).toMatchObject({ campaign: null, organizations: [], emailConfigured: false });
      });

      it('refuses a campaign without families, with an unknown one, with a past deadline, or opened by a member', async () => {
        expect(fieldsOf(await open({ title: 'Recensement 2027', deadline: '2027-01-31', familyIds: [] }))).toEqual(['familyIds']);
        expect(fieldsOf(await open({ title: 'Recensement 2027', deadline: '2027-01-31', familyIds: ['fam-salt', 'inconnue'] }))).toEqual([
          'familyIds.1',
        ]);
        expect(fieldsOf(await open({ title: 'Recensement 2027', deadline: '2026-12-05', familyIds: ['fam-salt'] }))).toEqual(['deadline']);
        const byMember = await t.as('member').post(`/api/territories/${t.world.territoryA.slug}/census-campaigns`, {
          title: 'Recensement 2027',
          deadline: '2027-01-31',
          familyIds: ['fam-salt'],
        });
        expect(byMember.statusCode).toBe(403);
      });

      it('opens a campaign on salt and paper, and only one at a time', async () => {
        const opened = await open({
          title: 'Recensement 2027',
          deadline: '2027-01-31',
          familyIds: ['fam-salt', 'fam-paper'],
          message: 'Merci !',
        });
        expect(opened.statusCode, opened.body).toBe(201);
        expect(opened.json()).toMatchObject({
          emailed: 0,
          campaign: {
            title: 'Recensement 2027',
            deadline: '2027-01-31',
            message: 'Merci !',
            families: [
              { id: 'fam-salt', name: 'Sel de déneigement' },
              { id: 'fam-paper', name: 'Papier de reprographie' },
            ],
            closedAt: null,
          },
        });
        expect((await open({ title: 'Encore', deadline: '2027-02-28', familyIds: ['fam-salt'] })).statusCode).toBe(409);
      });

      it('shows the facilitator each buyer’s progress and the member its own only', async () => {
        // Buyer A1 has the world's salt need (and a paper contract); A2 has a salt need too. The firm is not asked.
        const facilitator = (await t.as('facilitator').get(url())).json();
        expect(
          facilitator.organizations.map((o: { organizationId: string; status: string; missingFamilies: { id: string }[] }) => [
            o.organizationId,
            o.status,
            o.missingFamilies.map((f) => f.id),
          ]),
        ).toEqual([
          // By name: « Commune de Mulhouse … » (A2) before « Commune de Strasbourg … » (A1).
          [t.world.buyerA2.id, 'in_progress', ['fam-paper']],
          [t.world.buyerA1.id, 'in_progress', ['fam-paper']],
        ]);
        const member = (await t.as('member').get(url())).json();
        expect(member.organizations.map((o: { organizationId: string }) => o.organizationId)).toEqual([t.world.buyerA1.id]);
        expect(member.counts).toEqual({ answered: 0, in_progress: 1, not_started: 0 });
        expect((await t.as('supplier').get(url())).statusCode).toBe(403);
      });

      it('counts a paper need once entered, and the paper contract', async () => {
        await t.repos.needs.insert(buildNeed({ organizationId: t.world.buyerA1.id, cpvCode: CPV.paper, label: 'Ramettes A4' }));
        const own = (await t.as('member').get(url())).json().organizations[0];
        // The world's contract of A1 is a paper contract (CPV 30197630).
        expect(own).toMatchObject({ needCount: 2, contractCount: 1, missingFamilies: [] });
      });

      it('lets a member answer for its organization, not for another one', async () => {
        const answered = await t.as('member').post(url('/responses'), { organizationId: t.world.buyerA1.id });
        expect(answered.statusCode, answered.body).toBe(200);
        expect(answered.json().organizations[0]).toMatchObject({ status: 'answered', answeredAt: NOW.toISOString() });
        expect((await t.as('member').post(url('/responses'), { organizationId: t.world.buyerA2.id })).statusCode).toBe(403);
        expect((await t.as('facilitator').post(url('/responses'), { organizationId: t.world.buyerB1.id })).statusCode).toBe(404);
        expect(fieldsOf(await t.as('member').post(url('/responses'), {}))).toEqual(['organizationId']);
      });

      it('reminds those who have not answered, and records it', async () => {
        const reminded = await t.as('facilitator').post(url('/reminders'), {});
        // A2 only: A1 answered. No e-mail is configured, so the reminder shows on the member's screen only.
        expect(reminded.json()).toEqual({ reminded: 1, emailed: 0 });
        const a2 = (await t.as('facilitator').get(url()))
          .json()
          .organizations.find((o: { organizationId: string }) => o.organizationId === t.world.buyerA2.id);
        expect(a2).toMatchObject({ reminderCount: 1, lastRemindedAt: NOW.toISOString() });
        expect((await t.as('facilitator').post(url('/reminders'), { organizationIds: [t.world.buyerA1.id] })).json()).toEqual({
          reminded: 0,
          emailed: 0,
        });
        expect(fieldsOf(await t.as('facilitator').post(url('/reminders'), { organizationIds: 'toutes' }))).toEqual(['organizationIds']);
        expect((await t.as('member').post(url('/reminders'), {})).statusCode).toBe(403);
      });

      it('lets a member reopen its answer', async () => {
        expect((await t.as('member').delete(url(`/responses/${t.world.buyerA1.id}`))).statusCode).toBe(204);
        expect((await t.as('member').get(url())).json().organizations[0].status).toBe('in_progress');
        expect((await t.as('member').delete(url(`/responses/${t.world.buyerA2.id}`))).statusCode).toBe(403);
      });

      it('closes the campaign; answers are then refused', async () => {
        const closed = await t.as('facilitator').post(url('/close'), {});
        expect(closed.json()).toMatchObject({ closedAt: NOW.toISOString() });
        expect((await t.as('member').post(url('/responses'), { organizationId: t.world.buyerA1.id })).statusCode).toBe(404);
        expect((await t.as('facilitator').post(url('/close'), {})).statusCode).toBe(404);
        expect((await t.as('member').post(url('/close'), {})).statusCode).toBe(403);
      });
    });
  },
  { now: () => NOW },
);

describeApp(
  'first screens: next steps and agenda',
  (t) => {
    it('tells the facilitator what to do next on its territory', async () => {
      const answer = await t.as('facilitator').get(`/api/territories/${t.world.territoryA.slug}/next-steps`);
      expect(answer.statusCode, answer.body).toBe(200);
      // World A: two buyers and a firm, one member account (active), no campaign, and the salt opportunity of A1 and A2.
      expect(answer.json().steps.map((s: { key: string; state: string }) => [s.key, s.state])).toEqual([
        ['organizations', 'done'],
        ['accounts', 'done'],
        ['census', 'todo'],
        ['opportunities', 'in_progress'],
      ]);
      expect((await t.as('member').get(`/api/territories/${t.world.territoryA.slug}/next-steps`)).statusCode).toBe(403);
      expect((await t.as('facilitator').get('/api/territories/Pas%20un%20slug/next-steps')).statusCode).toBe(400);
    });

    it('gives a member its dated actions', async () => {
      // Started 2025-02-01, 12 months + 3 renewals of 12, 3 months' notice: at 2026-12-06 the period ending 2027-01-31
      // can no longer be refused (notice by 2026-10-31), so the next notice is due 2027-10-31 for an exit on 2028-02-01.
      const contract = await t.repos.runningContracts.insert(
        buildRunningContract({ organizationId: t.world.buyerA1.id, reference: 'PAP-2025', label: 'Papier' }),
      );
      const agenda = await t.as('member').get(`/api/organizations/${t.world.buyerA1.id}/agenda`);
      expect(agenda.statusCode, agenda.body).toBe(200);
      const item = agenda.json().items.find((i: { contractId: string }) => i.contractId === contract.id);
      expect(item).toMatchObject({
        date: '2027-10-31',
        kind: 'non_renewal_notice',
        title: 'Dernier jour pour notifier la non-reconduction de « Papier » (PAP-2025)',
      });
      expect(agenda.json().needCount).toBe(1);
      expect((await t.as('member').get(`/api/organizations/${t.world.buyerA2.id}/agenda`)).statusCode).toBe(403);
      expect((await t.as('member').get('/api/organizations/inconnue/agenda')).statusCode).toBe(404);
    });
  },
  { now: () => NOW },
);
