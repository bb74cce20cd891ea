import type { GroupementDto } from '@mutualis/contract';
import JSZip from 'jszip';
import { beforeAll, expect, it } from 'vitest';
import { buildGroupement } from '../../../../db/test/dialects';
import { describeApp, fieldsOf } from '../../../test/test-app';

/** The de-icing salt opportunity of territory A: buyers A1 (the member's) and A2. */
const SALT = 'famille:fam-salt@territoire';

describeApp('groupements routes', (t) => {
  let salt: GroupementDto;
  const create = (body: Record<string, unknown>, persona: 'facilitator' | 'member' = 'facilitator') =>
    t.as(persona).post(`/api/territories/${t.world.territoryA.slug}/groupements`, body);

  beforeAll(async () => {
    const response = await create({ opportunityId: SALT, name: 'Sel 2027', mandateScope: 'procedure' });
    if (response.statusCode !== 201) throw new Error(response.body);
    salt = response.json() as GroupementDto;
  });

  it('creates a draft groupement from an opportunity with its members and the proposed coordinator', async () => {
    expect(salt).toMatchObject({ name: 'Sel 2027', status: 'draft', mandateScope: 'procedure', isPermanent: false, familyId: 'fam-salt' });
    expect(salt.members.map((m) => m.organizationId).sort()).toEqual([t.world.buyerA1.id, t.world.buyerA2.id].sort());
    expect(salt.coordinatorIds).toHaveLength(1);
    expect(salt.members.filter((m) => m.isCoordinator).map((m) => m.organizationId)).toEqual(salt.coordinatorIds);
    expect(salt.cpvCodes.length).toBeGreaterThan(0);
  });

  it('refuses an unknown opportunity and a coordinator that is not a member, naming the field', async () => {
    expect(fieldsOf(await create({ opportunityId: 'famille:nulle@part' }))).toEqual(['opportunityId']);
    expect(fieldsOf(await create({ opportunityId: SALT, coordinatorIds: [t.world.firmA.id] }))).toEqual(['coordinatorIds']);
  });

  it('forbids a member buyer to create a groupement', async () => {
    expect((await create({ opportunityId: SALT }, 'member')).statusCode).toBe(403);
  });

  it('lists the groupement to the facilitator and to a member buyer of it, not to the observer', async () => {
    const url = `/api/territories/${t.world.territoryA.slug}/groupements`;
    for (const persona of ['facilitator', 'member'] as const) {
      const { items } = (await t.as(persona).get(url)).json() as { items: GroupementDto[] };
      expect(items.map((g) => g.id)).toContain(salt.id);
    }
    expect((await t.as('observer').get(url)).statusCode).toBe(403);
  });

  it('changes name, mandate and coordinators of a draft, and rejects a single-member groupement', async () => {
    const response = await t.as('facilitator').patch(`/api/groupements/${salt.id}`, {
      name: 'Sel de déneigement 2027-2030',
      mandateScope: 'procedure_signature_execution',
      coordinatorIds: [t.world.buyerA1.id, t.world.buyerA2.id],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      name: 'Sel de déneigement 2027-2030',
      mandateScope: 'procedure_signature_execution',
      coordinatorIds: [t.world.buyerA1.id, t.world.buyerA2.id].sort(),
    });
    expect(fieldsOf(await t.as('facilitator').patch(`/api/groupements/${salt.id}`, { memberIds: [t.world.buyerA1.id] }))).toEqual([
      'memberIds',
    ]);
  });

  it('refuses changes once the groupement is past its draft', async () => {
    const other = (await create({ opportunityId: SALT })).json() as GroupementDto;
    await t.repos.groupements.update(other.id, { status: 'signed' });
    const response = await t.as('facilitator').patch(`/api/groupements/${other.id}`, { name: 'Trop tard' });
    expect(response.statusCode).toBe(409);
  });

  it('writes every member’s SIRET in the convention DOCX', async () => {
    const response = await t.as('member').get(`/api/groupements/${salt.id}/convention.docx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(response.rawPayload);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    for (const siret of [t.world.buyerA1.siret, t.world.buyerA2.siret]) expect(xml).toContain(siret);
    expect(xml).toContain('Sel de déneigement 2027-2030');
  });

  it('serves the convention as PDF and the groupement file as XLSX', async () => {
    const pdf = await t.as('facilitator').get(`/api/groupements/${salt.id}/convention.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const xlsx = await t.as('facilitator').get(`/api/groupements/${salt.id}/file.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = await JSZip.loadAsync(xlsx.rawPayload);
    expect(Object.keys(workbook.files)).toContain('xl/workbook.xml');
  });

  it('keeps the groupement and its documents from a supplier and from another territory', async () => {
    expect((await t.as('supplier').get(`/api/groupements/${salt.id}`)).statusCode).toBe(403);
    expect((await t.as('otherFacilitator').get(`/api/groupements/${salt.id}/convention.docx`)).statusCode).toBe(404);
  });

  it('keeps a groupement from a member buyer whose organization is not in it', async () => {
    const without = await t.repos.groupements.insert(
      buildGroupement({
        territoryId: t.world.territoryA.id,
        familyId: 'fam-salt',
        memberIds: [t.world.buyerA2.id, t.world.firmA.id],
        coordinatorIds: [t.world.buyerA2.id],
      }),
    );
    expect((await t.as('member').get(`/api/groupements/${without.id}`)).statusCode).toBe(403);
    expect((await t.as('member').get(`/api/groupements/${without.id}/file.xlsx`)).statusCode).toBe(403);
    const { items } = (await t.as('member').get(`/api/territories/${t.world.territoryA.slug}/groupements`)).json() as {
      items: GroupementDto[];
    };
    expect(items.map((g) => g.id)).not.toContain(without.id);
  });
});
