import type { ContactListDto, FirmListDto, LocalMapDto, SourcingResultDto } from '@mutualis/contract';
import { expect, it } from 'vitest';
import { describeApp, fieldsOf } from '../../../test/test-app';

const SALT_A = encodeURIComponent('famille:fam-salt@territoire');

describeApp(
  'sourcing routes',
  (t) => {
    const slug = () => t.world.territoryA.slug;

    it('sources a single need at its delivery communes with the R2111-1 notice and the position note', async () => {
      const response = await t.as('facilitator').get(`/api/needs/${t.world.needA1.id}/sourcing`);
      expect(response.statusCode, response.body).toBe(200);
      const result = response.json<SourcingResultDto>();
      expect(result.need.productCpvCode).toBe(t.world.needA1.cpvCode);
      expect(result.notice).toContain('R2111-1');
      expect(result.positionNote).toContain('centre de son département');
    });

    it('answers 404 for the sourcing of an opportunity that does not exist', async () => {
      const response = await t.as('facilitator').get(`/api/territories/${slug()}/opportunities/inconnue/sourcing`);
      expect(response.statusCode).toBe(404);
    });

    it('rejects a non-date ?at=, naming the field', async () => {
      const response = await t.as('facilitator').get(`/api/territories/${slug()}/opportunities/${SALT_A}/sourcing?at=demain`);
      expect([response.statusCode, [...new Set(fieldsOf(response))]]).toEqual([400, ['at']]);
    });

    it('lists the firm directory filtered by competence, with positions at the département centroid', async () => {
      const matching = (
        await t.as('facilitator').get(`/api/territories/${slug()}/firms?competence=${t.world.competenceCode}`)
      ).json<FirmListDto>();
      expect(matching.items.map((f) => f.id)).toEqual([t.world.firmA.id]);
      const none = (await t.as('facilitator').get(`/api/territories/${slug()}/firms?competence=inexistante`)).json<FirmListDto>();
      expect(none.total).toBe(0);
      const bad = await t.as('facilitator').get(`/api/territories/${slug()}/firms?cpv=abc`);
      expect([bad.statusCode, fieldsOf(bad)]).toEqual([400, ['cpv']]);
    });

    it('draws the territory’s départements, firms and delivery sites on the map', async () => {
      const map = (await t.as('observer').get(`/api/territories/${slug()}/local-map`)).json<LocalMapDto>();
      expect(map.departementCodes).toEqual(expect.arrayContaining([t.world.buyerA1.departementCode, '68']));
      expect(map.firms.map((f) => f.id)).toEqual([t.world.firmA.id]);
      expect(map.sites.length).toBeGreaterThan(0);
    });

    it('logs a contact with a firm and lists it with the equal-treatment notice', async () => {
      const created = await t.as('facilitator').post(`/api/territories/${slug()}/contacts`, {
        firm: t.world.firmA.id,
        channel: 'reunion',
        subject: 'Présentation des besoins en sel',
        notes: 'Même présentation que pour les autres entreprises.',
      });
      expect(created.statusCode, created.body).toBe(201);
      const list = (await t.as('observer').get(`/api/territories/${slug()}/contacts`)).json<ContactListDto>();
      expect(list.items.map((c) => c.subject)).toContain('Présentation des besoins en sel');
      expect(list.notice).toContain('égale');
    });

    it('rejects a contact with an unknown channel or with an organization that is not a firm of the territory', async () => {
      const channel = await t
        .as('facilitator')
        .post(`/api/territories/${slug()}/contacts`, { firm: t.world.firmA.id, channel: 'pigeon', subject: 'x' });
      expect([channel.statusCode, fieldsOf(channel)]).toEqual([400, ['channel']]);
      const buyer = await t
        .as('facilitator')
        .post(`/api/territories/${slug()}/contacts`, { firm: t.world.buyerA1.id, channel: 'email', subject: 'x' });
      expect([buyer.statusCode, fieldsOf(buyer)]).toEqual([400, ['firm']]);
    });

    it('rejects a lot design with k outside 1–10, naming k', async () => {
      const response = await t.as('facilitator').get(`/api/territories/${slug()}/opportunities/${SALT_A}/lots?k=0`);
      expect([response.statusCode, fieldsOf(response)]).toEqual([400, ['k']]);
    });
  },
  { sqliteOnly: true },
);
