import { expect, it } from 'vitest';
import { CPV } from '../../../../db/test/dialects';
import { describeApp, fieldsOf } from '../../../test/test-app';

describeApp('contracts routes', (t) => {
  const newContract = (organizationId: string) => ({
    organizationId,
    reference: '2026-PAP-01',
    cpvCode: `${CPV.paper}-1`,
    label: 'Papier',
    startDate: '2026-01-01',
    durationMonths: 12,
    renewalCount: 2,
    renewalMonths: 12,
    amountCents: 3_000_000,
  });

  it('lets a member declare a running contract of its organization', async () => {
    const response = await t.as('member').post('/api/contracts', newContract(t.world.buyerA1.id));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ cpvCode: CPV.paper, nature: 'marche', renewalsUsed: 0, pricesHidden: false });
  });

  it('refuses impossible dates, a bad holder SIRET and more renewals used than planned', async () => {
    const bad = await t
      .as('member')
      .post('/api/contracts', { ...newContract(t.world.buyerA1.id), startDate: '2026-02-30', holderSiret: '1' });
    expect(fieldsOf(bad).sort()).toEqual(['holderSiret', 'startDate']);
    const inconsistent = await t.as('member').post('/api/contracts', { ...newContract(t.world.buyerA1.id), renewalsUsed: 3 });
    expect(inconsistent.statusCode).toBe(400);
    expect(fieldsOf(inconsistent)).toEqual(['renewalsUsed']);
  });

  it('shows why an imported contract’s end date differs from its first publication, and nothing for a declared one', async () => {
    // As `explainDecpProvenance` writes it for an amended duration.
    const lines = [
      'Durée portée de 12 à 24 mois par la modification n° 1 du 3 mars 2025 (modifications[0]) : fin au 1er février 2027 au lieu du 1er février 2026.',
    ];
    await t.repos.runningContracts.update(t.world.contractA1.id, { decpProvenance: lines });
    const read = await t.as('member').get(`/api/contracts/${t.world.contractA1.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().decpProvenance).toEqual(lines);
    const listed = (await t.as('member').get('/api/contracts')).json().items as { id: string; decpProvenance: string[] }[];
    expect(listed.find((c) => c.id === t.world.contractA1.id)?.decpProvenance).toEqual(lines);
    const declared = await t.as('member').post('/api/contracts', newContract(t.world.buyerA1.id));
    expect(declared.json().decpProvenance).toEqual([]);
  });

  it('forgets the explanation lines a member’s edit makes untrue, and keeps the others', async () => {
    // As `explainDecpProvenance` writes an amended duration and an amended amount.
    const duration =
      'Durée portée de 12 à 24 mois par la modification n° 1 du 3 mars 2025 (modifications[0]) : fin au 1er février 2027 au lieu du 1er février 2026.';
    const amount = 'Montant HT porté de 30 000,00 € à 36 000,00 € par la modification n° 1 du 3 mars 2025 (modifications[0]).';
    await t.repos.runningContracts.update(t.world.contractA1.id, { decpProvenance: [duration, amount] });
    const path = `/api/contracts/${t.world.contractA1.id}`;
    const notice = await t.as('member').patch(path, { noticeMonths: 2 });
    expect(notice.json().decpProvenance).toEqual([duration, amount]);
    const current = notice.json() as { durationMonths: number };
    const edited = await t.as('member').patch(path, { durationMonths: current.durationMonths + 6 });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().decpProvenance).toEqual([amount]);
    expect((await t.repos.runningContracts.getById(t.world.contractA1.id))?.decpProvenance).toEqual([amount]);
  });

  it('forbids a member to read or edit another organization’s contract', async () => {
    expect((await t.as('member').get(`/api/contracts/${t.world.contractA2.id}`)).statusCode).toBe(403);
    expect((await t.as('member').patch(`/api/contracts/${t.world.contractA2.id}`, { noticeMonths: 1 })).statusCode).toBe(403);
    expect((await t.as('member').post('/api/contracts', newContract(t.world.buyerA2.id))).statusCode).toBe(403);
  });

  it('lists the member’s own contracts only, and all of them for an observer', async () => {
    const own = (await t.as('member').get('/api/contracts')).json().items as { organizationId: string }[];
    expect(new Set(own.map((c) => c.organizationId))).toEqual(new Set([t.world.buyerA1.id]));
    const all = (await t.as('observer').get('/api/contracts')).json().items as { organizationId: string }[];
    expect(new Set(all.map((c) => c.organizationId))).toEqual(new Set([t.world.buyerA1.id, t.world.buyerA2.id]));
  });

  it('lets a facilitator update then delete a contract', async () => {
    const created = (await t.as('facilitator').post('/api/contracts', newContract(t.world.buyerA2.id))).json() as { id: string };
    expect((await t.as('facilitator').patch(`/api/contracts/${created.id}`, { renewalsUsed: 1 })).json()).toMatchObject({
      renewalsUsed: 1,
    });
    expect((await t.as('facilitator').delete(`/api/contracts/${created.id}`)).statusCode).toBe(204);
  });
});
