import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FlaggedContractDto, FlaggedContractPage, ImportRecordDto } from '@mutualis/contract';
import { expect, it } from 'vitest';
import { multipartFile } from '../../../test/census-files';
import { settled } from '../../../test/settled-import';
import { describeApp } from '../../../test/test-app';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/decp');

/**
 * real-2019-flagged.json holds three real records (see the fixtures' README), read by hand:
 * - AIFE 2018COs68fWklM00, SOLIDEO: no date at all → undated (2018 from the id);
 * - PES 2018E030000, MAIRIE ANNECY BUDGET PRINCIPAL, de-icing salt, montant 999999999, 48 months → amount_sentinel;
 * - AIFE 2018xlvoYkboxC00, CPAM HAUTES PYRENNEES, cleaning under CPV 2003 74700000 (→ 90910000), no date → cpv_2003 + undated.
 */
describeApp('DECP flags routes', (t) => {
  const list = (query = '') => t.as('facilitator').get(`/api/territories/${t.world.territoryA.slug}/decp-flags${query}`);
  const byReference = (page: FlaggedContractPage, reference: string) => page.items.find((i) => i.contract.reference === reference);

  it('lists the flagged records of an import with their French explanations and counts', async () => {
    const { payload, headers } = multipartFile('decp.json', await readFile(join(FIXTURES, 'real-2019-flagged.json')));
    const imports = `/api/territories/${t.world.territoryA.slug}/imports`;
    // Its buyers are outside territory A's départements: taken all, as a facilitator asks with includeOutside.
    const upload = await t.as('facilitator').request('POST', `${imports}/decp?includeOutside=true`, payload, headers);
    expect(upload.statusCode, upload.body).toBe(202);
    const { id } = upload.json() as ImportRecordDto;
    expect((await settled(t.as('facilitator'), `${imports}/${id}`)).decpPreview).toMatchObject({ contracts: { new: 3, flagged: 3 } });
    expect((await t.as('facilitator').post(`${imports}/${id}/confirm`, {})).statusCode).toBe(202);
    // SOLIDEO's objet « … droit de l'am�nagement » is the one text of the three holding U+FFFD: « aménagement » restored.
    expect((await settled(t.as('facilitator'), `${imports}/${id}`)).decpResult).toMatchObject({
      imported: 3,
      rejected: 0,
      flagged: 3,
      repairedTexts: { objets: 1, holders: 0 },
    });
    const response = await list();
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json() as FlaggedContractPage;
    expect([page.counts.undated, page.counts.amount_sentinel, page.counts.cpv_2003]).toEqual([2, 1, 1]);
    const salt = byReference(page, '2018E030000');
    expect(salt?.flags.map((f) => [f.code, f.status, f.isConfirmable])).toEqual([['amount_sentinel', 'pending', true]]);
    expect(salt?.flags[0]?.explanation).toMatch(/^Montant publié 999 999 999 € : une valeur de remplissage/);
    expect([salt?.isInCalendars, salt?.isInEstimates]).toEqual([true, false]);
    const undated = (await list('?code=undated')).json() as FlaggedContractPage;
    expect(undated.items.map((i) => i.contract.reference).sort()).toEqual(['2018COs68fWklM00', '2018xlvoYkboxC00']);
    expect(byReference(undated, '2018COs68fWklM00')?.isInCalendars).toBe(false);
  });

  it('confirms a flag, which takes the amount back into estimates, and reopens nothing else', async () => {
    const salt = byReference((await list()).json() as FlaggedContractPage, '2018E030000') as FlaggedContractDto;
    const response = await t
      .as('facilitator')
      .post(`/api/contracts/${salt.contract.id}/decp-flags/confirm`, { codes: ['amount_sentinel'] });
    expect(response.statusCode, response.body).toBe(200);
    const confirmed = response.json() as FlaggedContractDto;
    expect([confirmed.flags[0]?.status, confirmed.flags[0]?.confirmedBy !== null, confirmed.isInEstimates]).toEqual([
      'confirmed',
      true,
      true,
    ]);
  });

  it('takes a correction made through the contract (PATCH) as resolving the flag about that field', async () => {
    const cpam = byReference((await list('?code=undated')).json() as FlaggedContractPage, '2018xlvoYkboxC00') as FlaggedContractDto;
    const patched = await t.as('facilitator').patch(`/api/contracts/${cpam.contract.id}`, { startDate: '2018-06-01' });
    expect(patched.statusCode, patched.body).toBe(200);
    const after = byReference((await list('?code=undated')).json() as FlaggedContractPage, '2018xlvoYkboxC00');
    expect([after?.flags.find((f) => f.code === 'undated')?.status, after?.isInCalendars]).toEqual(['corrected', true]);
  });

  it('refuses to confirm a flag the contract does not carry, or one that needs a value, naming the code', async () => {
    const cpam = byReference((await list('?code=undated')).json() as FlaggedContractPage, '2018COs68fWklM00') as FlaggedContractDto;
    const response = await t
      .as('facilitator')
      .post(`/api/contracts/${cpam.contract.id}/decp-flags/confirm`, { codes: ['undated', 'cpv_2003'] });
    expect(response.statusCode).toBe(400);
    expect(response.json().details.issues.map((i: { field: string }) => i.field)).toEqual(['codes.0', 'codes.1']);
    expect((await list('?code=inconnu')).statusCode).toBe(400);
  });

  /**
   * After the two tests above: the salt's sentinel amount confirmed (nothing left on it), the CPAM
   * record dated (its undated flag corrected, its CPV 2003 still to look at), SOLIDEO still undated.
   */
  it('lists what is still to look at, and searches buyer names, objets and references', async () => {
    const pending = (await list('?status=pending')).json() as FlaggedContractPage;
    expect(pending.items.map((i) => i.contract.reference).sort()).toEqual(['2018COs68fWklM00', '2018xlvoYkboxC00']);
    expect([pending.total, pending.totals]).toEqual([2, { pending: 2, all: 3 }]);
    expect([pending.pendingCounts.undated, pending.pendingCounts.amount_sentinel, pending.pendingCounts.cpv_2003]).toEqual([1, 0, 1]);
    expect([pending.counts.undated, pending.counts.amount_sentinel, pending.counts.cpv_2003]).toEqual([2, 1, 1]);
    expect(((await list('?status=pending&code=amount_sentinel')).json() as FlaggedContractPage).total).toBe(0);
    const references = async (query: string) => ((await list(query)).json() as FlaggedContractPage).items.map((i) => i.contract.reference);
    expect(await references('?q=annecy')).toEqual(['2018E030000']);
    expect(await references('?q=nettoyage')).toEqual(['2018xlvoYkboxC00']);
    expect(await references('?q=2018COs68&status=pending')).toEqual(['2018COs68fWklM00']);
    expect((await list('?status=fait')).statusCode).toBe(400);
  });

  it('keeps the list from members and the confirmation from observers', async () => {
    expect((await t.as('member').get(`/api/territories/${t.world.territoryA.slug}/decp-flags`)).statusCode).toBe(403);
    const salt = byReference((await list()).json() as FlaggedContractPage, '2018E030000') as FlaggedContractDto;
    const response = await t.as('observer').post(`/api/contracts/${salt.contract.id}/decp-flags/confirm`, { codes: ['amount_sentinel'] });
    expect(response.statusCode).toBe(403);
  });

  /**
   * The salt record (2018E030000, accord-cadre, 999,999,999 € over 48 months: its maximum
   * annualised × 12 / 48 = 249,999,999.75 €, in cents 24,999,999,975) was left out of the proposed
   * needs while its sentinel amount stood unconfirmed; confirmed two tests above, its buyer's need
   * is there at once. Corrected to 120,000 € → 30,000 € a year (3,000,000 cents); removed → no need.
   */
  it('keeps the buyer’s proposed need in step with each confirmation, correction and removal', async () => {
    const salt = byReference((await list()).json() as FlaggedContractPage, '2018E030000') as FlaggedContractDto;
    const saltNeeds = () =>
      t.m.db
        .selectFrom('needs')
        .select(['cpv_code', 'annual_amount_cents', 'status'])
        .where('organization_id', '=', salt.contract.organizationId)
        .where('source', '=', 'decp')
        .execute();
    const amounts = async () => (await saltNeeds()).map((n) => [n.cpv_code, Number(n.annual_amount_cents), n.status]);
    expect(await amounts()).toEqual([['34927100', 24_999_999_975, 'proposed']]);
    const patched = await t.as('facilitator').patch(`/api/contracts/${salt.contract.id}`, { amountCents: 12_000_000 });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(await amounts()).toEqual([['34927100', 3_000_000, 'proposed']]);
    expect((await t.as('facilitator').delete(`/api/contracts/${salt.contract.id}`)).statusCode).toBe(204);
    expect(await amounts()).toEqual([]);
  });
});
