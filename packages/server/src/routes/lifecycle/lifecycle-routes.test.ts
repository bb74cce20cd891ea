import { expect, it } from 'vitest';
import { buildGroupement, buildOrganization } from '../../../../db/test/dialects';
import { multipartFile } from '../../../test/census-files';
import { type AppTestContext, describeApp, fieldsOf } from '../../../test/test-app';

interface Reason {
  code: string;
  message: string;
  organizationIds?: string[];
}
const reasonsOf = (response: { json(): unknown }) => (response.json() as { details: { reasons: Reason[] } }).details.reasons;

describeApp('groupement lifecycle routes', (t) => {
  /** A draft groupement of territory A: buyers A1 (the member's organization) and A2, A2 coordinating. */
  async function newGroupement(
    t: AppTestContext,
    overrides: { isPermanent?: boolean; mandateScope?: 'procedure' | 'procedure_signature' } = {},
  ) {
    const groupement = await t.repos.groupements.insert(
      buildGroupement({
        territoryId: t.world.territoryA.id,
        familyId: 'fam-salt',
        memberIds: [t.world.buyerA1.id, t.world.buyerA2.id],
        coordinatorIds: [t.world.buyerA2.id],
        ...overrides,
      }),
    );
    return { id: groupement.id, url: (suffix: string) => `/api/groupements/${groupement.id}${suffix}` };
  }

  const signBoth = async (url: (s: string) => string) => {
    for (const organizationId of [t.world.buyerA1.id, t.world.buyerA2.id]) {
      const response = await t.as('facilitator').post(url('/signatures'), {
        organizationId,
        signedOn: '2026-03-10',
        deliberationOn: '2026-02-20',
        deliberationReference: `DEL-${organizationId.slice(0, 4)}`,
      });
      expect(response.statusCode, response.body).toBe(200);
    }
  };

  async function launched(overrides: Parameters<typeof newGroupement>[1] = {}) {
    const g = await newGroupement(t, overrides);
    expect(
      (await t.as('facilitator').post(g.url('/transitions'), { to: 'convention_drafted', plannedLaunchOn: '2026-04-01' })).statusCode,
    ).toBe(200);
    await signBoth(g.url);
    expect((await t.as('facilitator').post(g.url('/transitions'), { to: 'signed' })).statusCode).toBe(200);
    const launch = await t.as('facilitator').post(g.url('/transitions'), { to: 'launched', launchedOn: '2026-04-01' });
    expect(launch.statusCode, launch.body).toBe(200);
    return g;
  }

  const lot = (overrides: Record<string, unknown> = {}) => ({
    lotKey: 'lot-1',
    lotLabel: 'Sel de déneigement',
    holderSiret: t.world.firmA.siret,
    holderName: t.world.firmA.name,
    unitPriceCents: 8_500,
    awardedOn: '2026-06-01',
    startOn: '2026-07-01',
    durationMonths: 12,
    ...overrides,
  });

  it('blocks launch while a signature or a deliberation is missing, naming who must act, then launches', async () => {
    const g = await newGroupement(t);
    await t.as('facilitator').post(g.url('/transitions'), { to: 'convention_drafted' });
    await t.as('facilitator').post(g.url('/signatures'), { organizationId: t.world.buyerA1.id, signedOn: '2026-03-10' });
    const blocked = await t.as('facilitator').post(g.url('/transitions'), { to: 'signed' });
    expect(blocked.statusCode).toBe(409);
    expect(reasonsOf(blocked)).toEqual([
      expect.objectContaining({
        code: 'missing_signature',
        organizationIds: [t.world.buyerA2.id],
        message: expect.stringContaining(t.world.buyerA2.name),
      }),
      expect.objectContaining({ code: 'missing_deliberation', organizationIds: [t.world.buyerA1.id, t.world.buyerA2.id].sort() }),
    ]);
    await signBoth(g.url);
    expect((await t.as('facilitator').post(g.url('/transitions'), { to: 'signed' })).json()).toMatchObject({ status: 'signed' });
    const launch = await t.as('facilitator').post(g.url('/transitions'), { to: 'launched', launchedOn: '2026-04-01' });
    expect(launch.json()).toMatchObject({
      status: 'launched',
      procedureNumber: 1,
      launch: { launchedOn: '2026-04-01', quantityUnit: 't', estimatedValueCents: expect.any(Number) },
    });
  });

  it('keeps a late joiner out of a launched groupement, citing L2111-1 and the 2011 ministerial answer', async () => {
    const g = await launched();
    const late = await t.repos.organizations.insert(buildOrganization());
    await t.repos.memberships.add(t.world.territoryA.id, late.id);
    const response = await t.as('facilitator').post(g.url('/members'), { organizationId: late.id });
    expect(response.statusCode).toBe(409);
    expect(response.json().message).toMatch(/L2111-1.*17 mai 2011.*100136/);
    expect((await t.repos.groupements.getById(g.id))?.memberIds).not.toContain(late.id);
  });

  it('admits a late joiner of a permanent groupement for the next procedure only', async () => {
    const g = await launched({ isPermanent: true });
    const late = await t.repos.organizations.insert(buildOrganization());
    await t.repos.memberships.add(t.world.territoryA.id, late.id);
    const response = await t.as('facilitator').post(g.url('/members'), { organizationId: late.id });
    expect(response.statusCode, response.body).toBe(200);
    const member = (response.json().members as { organizationId: string; isFrozen: boolean; joinsNextProcedure: boolean }[]).find(
      (m) => m.organizationId === late.id,
    );
    expect(member).toMatchObject({ isFrozen: false, joinsNextProcedure: true });
  });

  it('lets a member sign for its own organization but not for another one by changing the id in the body', async () => {
    const g = await newGroupement(t);
    await t.as('facilitator').post(g.url('/transitions'), { to: 'convention_drafted' });
    const own = await t.as('member').post(g.url('/signatures'), { organizationId: t.world.buyerA1.id, signedOn: '2026-03-10' });
    expect(own.statusCode, own.body).toBe(200);
    const other = await t.as('member').post(g.url('/signatures'), { organizationId: t.world.buyerA2.id, signedOn: '2026-03-10' });
    expect(other.statusCode).toBe(403);
    expect(await t.repos.groupementSignatures.list(g.id)).toEqual([expect.objectContaining({ organizationId: t.world.buyerA1.id })]);
  });

  it('refuses bad input naming the fields, and steps from a member that does not coordinate', async () => {
    const g = await newGroupement(t);
    const bad = await t.as('facilitator').post(g.url('/transitions'), { to: 'launched', launchedOn: '2026-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(['launchedOn']);
    expect(
      (await t.as('facilitator').post(g.url('/signatures'), { organizationId: t.world.buyerA1.id, signedOn: '10/03/2026' })).statusCode,
    ).toBe(400);
    expect((await t.as('member').post(g.url('/transitions'), { to: 'convention_drafted' })).statusCode).toBe(403);
    expect((await t.as('observer').post(g.url('/transitions'), { to: 'convention_drafted' })).statusCode).toBe(403);
    expect((await t.as('otherFacilitator').post(g.url('/transitions'), { to: 'convention_drafted' })).statusCode).toBe(404);
  });

  it('awards a lot (one contract for all when the coordinator signs) and moves to « attribué »; refuses two prices', async () => {
    const g = await launched();
    const twoPrices = await t.as('facilitator').post(g.url('/awards'), { lots: [lot({ amountCents: 100 })] });
    expect(twoPrices.statusCode).toBe(400);
    expect(fieldsOf(twoPrices)).toEqual(['lots.0.unitPriceCents']);
    const response = await t.as('facilitator').post(g.url('/awards'), { lots: [lot()] });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'awarded',
      awards: [
        {
          lotKey: 'lot-1',
          holderIsSme: true,
          holderIsLocal: true,
          endOn: '2027-06-30',
          contracts: [{ signatoryId: t.world.buyerA2.id, memberIds: [t.world.buyerA1.id, t.world.buyerA2.id].sort() }],
        },
      ],
    });
  });

  it('gives each member its own contract when the mandate covers the procedure only', async () => {
    const g = await launched({ mandateScope: 'procedure' });
    const response = await t.as('facilitator').post(g.url('/awards'), { lots: [lot()] });
    expect(response.json().awards[0].contracts).toHaveLength(2);
  });

  it('records consumption all or nothing, imports a CSV, and shows realised savings (member: its own line)', async () => {
    const g = await launched();
    await t.as('facilitator').post(g.url('/awards'), { lots: [lot()] });
    const mixed = await t.as('facilitator').post(g.url('/consumption'), {
      entries: [
        { lotKey: 'lot-1', organizationId: t.world.buyerA1.id, period: '2026-07', quantity: 10, amountCents: 85_000 },
        { lotKey: 'lot-9', organizationId: t.world.buyerA1.id, period: '2026-08', quantity: 10, amountCents: 85_000 },
      ],
    });
    expect(mixed.statusCode).toBe(400);
    expect(fieldsOf(mixed)).toEqual(['entries.1.lotKey']);
    const own = await t.as('member').post(g.url('/consumption'), {
      entries: [{ lotKey: 'lot-1', organizationId: t.world.buyerA1.id, period: '2026-07', quantity: 10, amountCents: 85_000 }],
    });
    expect(own.json()).toEqual({ written: 1 });
    expect(
      (
        await t.as('member').post(g.url('/consumption'), {
          entries: [{ lotKey: 'lot-1', organizationId: t.world.buyerA2.id, period: '2026-07', quantity: 1, amountCents: 1 }],
        })
      ).statusCode,
    ).toBe(403);
    const csv = Buffer.from(`Lot;SIRET;Mois;Quantité;Montant HT\r\nlot-1;${t.world.buyerA2.siret};2026-07;20;1700,00\r\n`, 'utf8');
    const { payload, headers } = multipartFile('consommation.csv', csv);
    const imported = await t.as('facilitator').request('POST', g.url('/consumption/import'), payload, headers);
    expect(imported.json()).toEqual({ written: 1 });
    // A1: 10 t × 95 € former − 850 € = 100 €; A2: 20 t × 89 € − 1 700 € = 80 €.
    const savings = (await t.as('facilitator').get(g.url('/savings'))).json();
    expect(savings.total).toMatchObject({ realisedSavingsCents: 18_000, realisedSpendCents: 255_000 });
    expect(savings.members.map((m: { realisedSavingsCents: number }) => m.realisedSavingsCents)).toEqual(
      [t.world.buyerA1.id, t.world.buyerA2.id].sort().map((id) => (id === t.world.buyerA1.id ? 10_000 : 8_000)),
    );
    const memberView = (await t.as('member').get(g.url('/savings'))).json();
    expect(memberView.members.map((m: { organizationId: string }) => m.organizationId)).toEqual([t.world.buyerA1.id]);
  });

  it('refuses a consumption file with a bad row, naming its line, and writes nothing', async () => {
    const g = await launched();
    await t.as('facilitator').post(g.url('/awards'), { lots: [lot()] });
    const csv = Buffer.from(
      `Lot;SIRET;Mois;Quantité;Montant HT\r\nlot-1;${t.world.buyerA2.siret};2026-07;20;1700\r\nlot-1;${t.world.buyerA1.siret};juillet;5;425\r\n`,
    );
    const { payload, headers } = multipartFile('conso.csv', csv);
    const response = await t.as('facilitator').request('POST', g.url('/consumption/import'), payload, headers);
    expect(response.statusCode).toBe(400);
    expect(response.json().details.issues).toEqual([expect.objectContaining({ field: 'mois', line: 3, file: 'conso.csv' })]);
    expect((await t.as('facilitator').get(g.url('/savings'))).json().total.realisedSpendCents).toBe(0);
  });

  it('writes one audit entry per successful step with who acted, and none for a refused one', async () => {
    const g = await newGroupement(t);
    await t.as('facilitator').post(g.url('/transitions'), { to: 'launched', launchedOn: '2026-04-01' });
    await t.as('facilitator').post(g.url('/transitions'), { to: 'convention_drafted' });
    await signBoth(g.url);
    await t.as('facilitator').post(g.url('/transitions'), { to: 'signed' });
    const audit = (await t.as('facilitator').get(g.url('/audit'))).json().items as { action: string; role: string; summary: string }[];
    expect(audit.map((a) => a.action)).toEqual([
      'groupement.transition',
      'groupement.signature',
      'groupement.signature',
      'groupement.transition',
    ]);
    expect(audit[0]).toMatchObject({ role: 'facilitator', summary: 'Projet → Convention rédigée' });
    expect((await t.as('member').get(g.url('/audit'))).statusCode).toBe(200);
    expect((await t.as('supplier').get(g.url('/audit'))).statusCode).toBe(403);
  });

  it('serves the territory dashboard with realised savings and its XLSX and PDF exports', async () => {
    const g = await launched();
    await t.as('facilitator').post(g.url('/awards'), { lots: [lot()] });
    await t.as('facilitator').post(g.url('/consumption'), {
      entries: [{ lotKey: 'lot-1', organizationId: t.world.buyerA1.id, period: '2026-07', quantity: 10, amountCents: 85_000 }],
    });
    const url = `/api/territories/${t.world.territoryA.slug}/dashboard`;
    const dashboard = (await t.as('observer').get(url)).json();
    expect(dashboard.savings.realisedCents).toBeGreaterThanOrEqual(10_000);
    expect(dashboard.localShare).toBe(1);
    expect(dashboard.byStatus.find((s: { status: string }) => s.status === 'awarded').count).toBeGreaterThan(0);
    const xlsx = await t.as('facilitator').get(`${url}.xlsx`);
    expect([xlsx.statusCode, xlsx.rawPayload.subarray(0, 2).toString()]).toEqual([200, 'PK']);
    const pdf = await t.as('member').get(`${url}.pdf`);
    expect([pdf.statusCode, pdf.rawPayload.subarray(0, 5).toString()]).toEqual([200, '%PDF-']);
    expect((await t.as('supplier').get(url)).statusCode).toBe(403);
  });
});
