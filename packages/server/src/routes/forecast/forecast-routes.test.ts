import type { InterestListDto, LotDesignDto, PublicForecastDto } from '@mutualis/contract';
import { expect, it } from 'vitest';
import { type AppTestContext, describeApp, fieldsOf } from '../../../test/test-app';

const SALT_A = 'famille:fam-salt@territoire';
const lotsUrl = (t: AppTestContext, k = 1) =>
  `/api/territories/${t.world.territoryA.slug}/opportunities/${encodeURIComponent(SALT_A)}/lots?k=${k}`;

async function publish(t: AppTestContext, overrides: Record<string, unknown> = {}) {
  return t.as('facilitator').post(`/api/territories/${t.world.territoryA.slug}/forecast`, {
    opportunityId: SALT_A,
    structureId: undefined,
    launchDate: '2027-03-01',
    startDate: '2027-09-01',
    title: 'Sel de déneigement',
    ...overrides,
  });
}

describeApp(
  'forecast routes',
  (t) => {
    it('publishes the recommended lots and shows them on the public page, CSV and calendar without logging in', async () => {
      const published = await publish(t);
      expect(published.statusCode, published.body).toBe(201);
      const slug = t.world.territoryA.slug;
      const page = await t.as('anonymous').get(`/api/public/territories/${slug}/forecast`);
      const forecast = page.json<PublicForecastDto>();
      expect(forecast.consultations.map((c) => c.id)).toContain(published.json<{ id: string }>().id);
      expect(page.body).not.toMatch(/Cents|unitPrice|siteCodes|organizationId/);
      const csv = await t.as('anonymous').get(`/api/public/territories/${slug}/forecast.csv`);
      expect([csv.statusCode, csv.headers['content-type']]).toEqual([200, 'text/csv; charset=utf-8']);
      expect(csv.body).toContain('Sel de déneigement');
      const ics = await t.as('anonymous').get(`/api/public/territories/${slug}/forecast.ics`);
      expect(ics.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(ics.body).toMatch(/^BEGIN:VCALENDAR\r\n/);
      expect(ics.body).toContain('DTSTART;VALUE=DATE:20270301');
    });

    it('answers 404 on the public page of a territory that does not exist', async () => {
      expect((await t.as('anonymous').get('/api/public/territories/nulle-part/forecast')).statusCode).toBe(404);
    });

    it('rejects an execution start before the launch, naming startDate', async () => {
      const response = await publish(t, { launchDate: '2027-09-01', startDate: '2027-03-01' });
      expect([response.statusCode, fieldsOf(response)]).toEqual([400, ['startDate']]);
    });

    it('rejects an unknown opportunity or frontier structure, naming the field', async () => {
      const unknown = await publish(t, { opportunityId: 'famille:nope@territoire' });
      expect([unknown.statusCode, fieldsOf(unknown)]).toEqual([400, ['opportunityId']]);
      const structure = await publish(t, { structureId: 's-00000000' });
      expect([structure.statusCode, fieldsOf(structure)]).toEqual([400, ['structureId']]);
    });

    it('makes a firm eligible for a lot once it declares a capacity covering the lot, and logs the exchange', async () => {
      const consultation = (await publish(t)).json<PublicForecastDto['consultations'][number]>();
      const lot = consultation.lots[0];
      if (!lot?.volume || !lot.unit) throw new Error('no lot with a volume');
      const before = (await t.as('facilitator').get(lotsUrl(t))).json<LotDesignDto>();
      const eligibleIn = (d: LotDesignDto) =>
        d.design.ok
          ? d.design.frontier
              .flatMap((s) => s.lots)
              .filter((l) => l.id === lot.id)
              .flatMap((l) => l.eligibleFirms.map((f) => f.id))
          : [];
      expect(eligibleIn(before)).not.toContain(t.world.firmA.id);

      const declared = await t
        .as('supplier')
        .post(`/api/forecast/${consultation.id}/interests`, { lotId: lot.id, capacity: lot.volume, unit: lot.unit });
      expect(declared.statusCode, declared.body).toBe(201);
      expect(declared.json<{ coversLot: boolean }>().coversLot).toBe(true);

      const after = (await t.as('facilitator').get(lotsUrl(t))).json<LotDesignDto>();
      expect(eligibleIn(after)).toContain(t.world.firmA.id);
      const contacts = await t.as('facilitator').get(`/api/territories/${t.world.territoryA.slug}/contacts?firm=${t.world.firmA.id}`);
      expect(contacts.json<{ items: { channel: string }[] }>().items[0]?.channel).toBe('plateforme');
    });

    it('shows the facilitator the firm’s comment, and tells the firm why it is or is not eligible', async () => {
      const consultation = (await publish(t)).json<PublicForecastDto['consultations'][number]>();
      const lot = consultation.lots[0];
      if (!lot?.volume || !lot.unit) throw new Error('no lot with a volume');
      const half = lot.volume / 2;
      const comment = 'Nous livrons en vrac depuis Molsheim, stock tampon de deux semaines.';
      const declared = await t
        .as('supplier')
        .post(`/api/forecast/${consultation.id}/interests`, { lotId: lot.id, capacity: half, unit: lot.unit, comment });
      expect(declared.statusCode, declared.body).toBe(201);
      // Half the lot's volume covers 50 % of it: not eligible alone, and the firm reads why.
      expect(declared.json<InterestListDto['items'][number]>()).toMatchObject({
        coversLot: false,
        eligibility: expect.stringMatching(/^Non éligible seul : la capacité déclarée \(.+ par an\) couvre 50\u00a0% du volume du lot/),
      });
      const seen = (await t.as('facilitator').get(`/api/forecast/${consultation.id}/interests`)).json<InterestListDto>();
      expect(seen.items.find((d) => d.firm.id === t.world.firmA.id && d.lotId === lot.id)).toMatchObject({ comment, coversLot: false });
    });

    it('rejects a declaration on a lot the consultation does not have, naming lotId', async () => {
      const consultation = (await publish(t)).json<{ id: string }>();
      const response = await t.as('supplier').post(`/api/forecast/${consultation.id}/interests`, { lotId: 'D:99|*', capacity: 10 });
      expect([response.statusCode, fieldsOf(response)]).toEqual([400, ['lotId']]);
    });

    it('lets a supplier read only its own declarations while the facilitator reads all', async () => {
      const consultation = (await publish(t)).json<PublicForecastDto['consultations'][number]>();
      const lotId = consultation.lots[0]?.id ?? '';
      await t.repos.interestDeclarations.upsert({
        consultationId: consultation.id,
        lotId,
        organizationId: t.world.buyerA2.id,
        capacity: 1,
        unit: 'kg',
        comment: '',
      });
      await t.as('supplier').post(`/api/forecast/${consultation.id}/interests`, { lotId, capacity: 5, unit: 't' });
      const firmsSeenBy = async (persona: 'supplier' | 'facilitator') =>
        (await t.as(persona).get(`/api/forecast/${consultation.id}/interests`))
          .json<InterestListDto>()
          .items.map((d) => d.firm.id)
          .sort();
      expect(await firmsSeenBy('supplier')).toEqual([t.world.firmA.id]);
      expect(await firmsSeenBy('facilitator')).toEqual([t.world.buyerA2.id, t.world.firmA.id].sort());
    });
  },
  { sqliteOnly: true },
);
