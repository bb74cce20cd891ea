import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GroupementDto } from '@mutualis/contract';
import type { Organization } from '@mutualis/core';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGroupement, buildNeed, buildOrganization, buildRunningContract, CPV } from '../../../db/test/dialects';
import { multipartFile } from '../census-files';
import { describeApp, numbersIn } from '../test-app';

/**
 * Issue 13 §1: a member (acting for buyer A1) reads its own figures, names and volumes of the other
 * members, and no figure from which one other member's amount or unit price can be computed —
 * except the quantities and maxima the convention states. Each test reads what a member can
 * download (JSON, XLSX, DOCX, PDF) and looks for A2's figures, with the facilitator as control.
 *
 * Figures, by hand:
 * - salt: A1 120 t × 95,00 € = 11 400 €; A2 120 t × 89,00 € = 10 680 €; total 22 080 € (2 members).
 *   Running salt contracts: A1 31 111 €, A2 27 777 €.
 * - paper: A1 200 000 c, A2 800 ramettes × 4,32 € = 345 600 c, A3 222 200 c, A4 400 000 c;
 *   total 1 167 800 c (4 members: the member reads the total, A2, A3, A4 contribute besides A1).
 */
const A2_SALT_EUROS = 10_680;
const A2_SALT_PRICE_EUROS = 89;
const A2_SALT_CONTRACT_EUROS = 27_777;
const SALT_TOTAL_EUROS = 22_080;
const A1_SALT_EUROS = 11_400;
const A1_SALT_CONTRACT_EUROS = 31_111;
const A2_PAPER_CENTS = 345_600;
const PAPER_TOTAL_CENTS = 1_167_800;

const dir = mkdtempSync(join(tmpdir(), 'mutualis-confidentiality-'));

/** Every number and every text of every cell of a workbook. */
async function cellsOf(buffer: Buffer): Promise<{ numbers: number[]; texts: string[]; workbook: ExcelJS.Workbook }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  const numbers: number[] = [];
  const texts: string[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'number') numbers.push(cell.value);
        else if (typeof cell.value === 'string') texts.push(cell.value);
      }),
    ),
  );
  return { numbers, texts, workbook };
}

const rowValues = (sheet: ExcelJS.Worksheet | undefined, predicate: (values: unknown[]) => boolean) => {
  const rows: unknown[][] = [];
  sheet?.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    if (predicate(values)) rows.push(values);
  });
  return rows;
};

/** The text of a DOCX (word/document.xml runs) with plain spaces. */
async function docxText(buffer: Buffer): Promise<string> {
  const xml = (await (await JSZip.loadAsync(buffer)).file('word/document.xml')?.async('string')) ?? '';
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
}

function pdfText(buffer: Buffer, name: string): string {
  const path = join(dir, name);
  writeFileSync(path, buffer);
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** 1 234 567 cents written as the convention writes euros: « 12 345,67 € ». */
const conventionEuros = (cents: number) =>
  `${String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${String(cents % 100).padStart(2, '0')} €`;

describeApp('confidentiality: a member never reads another member’s figures', (t) => {
  const slug = () => t.world.territoryA.slug;
  let buyerA3: Organization;
  let buyerA4: Organization;
  let salt: GroupementDto;
  /** A launched and awarded groupement of A1 and A2 with distinct baselines (launch snapshot). */
  let launchedId = '';

  beforeAll(async () => {
    await t.repos.needs.update(t.world.needA1.id, { unitPriceCents: 9_500, annualAmountCents: 1_140_000 });
    await t.repos.runningContracts.insert(
      buildRunningContract({ organizationId: t.world.buyerA1.id, cpvCode: CPV.deIcingSalt, label: 'Sel', amountCents: 3_111_100 }),
    );
    await t.repos.runningContracts.insert(
      buildRunningContract({ organizationId: t.world.buyerA2.id, cpvCode: CPV.deIcingSalt, label: 'Sel', amountCents: 2_777_700 }),
    );
    buyerA3 = await t.repos.organizations.insert(buildOrganization());
    buyerA4 = await t.repos.organizations.insert(buildOrganization());
    const paper = { cpvCode: CPV.paper, label: 'Ramettes A4', unit: 'ream' as const };
    const paperNeeds: [string, number, number][] = [
      [t.world.buyerA1.id, 500, 400],
      [t.world.buyerA2.id, 800, 432],
      [buyerA3.id, 550, 404],
      [buyerA4.id, 1_000, 400],
    ];
    for (const organization of [buyerA3, buyerA4]) await t.repos.memberships.add(t.world.territoryA.id, organization.id);
    for (const [organizationId, quantity, unitPriceCents] of paperNeeds)
      await t.repos.needs.insert(
        buildNeed({ ...paper, organizationId, quantity, unitPriceCents, annualAmountCents: quantity * unitPriceCents }),
      );
    const created = await t.as('facilitator').post(`/api/territories/${slug()}/groupements`, {
      opportunityId: 'famille:fam-salt@territoire',
      name: 'Sel confidentiel',
    });
    if (created.statusCode !== 201) throw new Error(created.body);
    salt = created.json() as GroupementDto;

    const members = [t.world.buyerA1.id, t.world.buyerA2.id].sort();
    const launched = await t.repos.groupements.insert(
      buildGroupement({
        territoryId: t.world.territoryA.id,
        familyId: 'fam-salt',
        name: 'Sel lancé',
        memberIds: members,
        coordinatorIds: [t.world.buyerA1.id],
        status: 'awarded',
      }),
    );
    launchedId = launched.id;
    const baseline = (organizationId: string, annualAmountCents: number, central: number) => ({
      organizationId,
      annualAmountCents,
      quantity: 120,
      estimated: { low: central - 1_000, central, high: central + 1_000 },
    });
    await t.repos.decisionSnapshots.insert({
      groupementId: launched.id,
      procedureNumber: 1,
      kind: 'launch',
      decidedOn: '2026-04-01',
      values: {
        launchedOn: '2026-04-01',
        memberIds: members,
        opportunityId: 'famille:fam-salt@territoire',
        baselines: [baseline(t.world.buyerA1.id, 1_140_000, 57_000), baseline(t.world.buyerA2.id, 1_068_000, 53_400)],
        pooledAnnualAmountCents: 2_208_000,
        quantityUnit: 'kg',
        estimatedValueCents: 8_832_000,
        procedure: { kind: 'mapa', labelFr: 'Procédure adaptée', articles: ['R2123-1'], thresholdVersionId: 'v' },
        savings: { low: 108_400, central: 110_400, high: 112_400 },
      },
      parameters: {},
    });
    await t.repos.lotAwards.insert({
      groupementId: launched.id,
      procedureNumber: 1,
      lotKey: 'lot-1',
      lotLabel: 'Sel',
      holderSiret: t.world.firmA.siret,
      holderName: t.world.firmA.name,
      holderDepartementCode: '67',
      holderIsSme: true,
      price: { kind: 'unit', unitPriceCents: 8_500 },
      awardedOn: '2026-06-01',
      startOn: '2026-07-01',
      durationMonths: 12,
      coverage: members.map((organizationId) => ({ organizationId, forecastQuantity: null })),
      contracts: [{ signatoryId: t.world.buyerA1.id, memberIds: members }],
    });
    // The facilitator records A2's consumption: 10 t for 877,77 €.
    const consumption = await t.as('facilitator').post(`/api/groupements/${launched.id}/consumption`, {
      entries: [{ lotKey: 'lot-1', organizationId: t.world.buyerA2.id, period: '2026-07', quantity: 10, amountCents: 87_777 }],
    });
    if (consumption.statusCode !== 200) throw new Error(consumption.body);
  });

  describe('groupement file (XLSX)', () => {
    it('gives the member its own amounts and every member’s volumes, but no other member’s amount, price, contract or the two-member total', async () => {
      const response = await t.as('member').get(`/api/groupements/${salt.id}/file.xlsx`);
      expect(response.statusCode).toBe(200);
      const { numbers, texts, workbook } = await cellsOf(response.rawPayload);
      for (const hidden of [A2_SALT_EUROS, A2_SALT_PRICE_EUROS, A2_SALT_CONTRACT_EUROS, SALT_TOTAL_EUROS])
        expect(numbers).not.toContain(hidden);
      for (const own of [A1_SALT_EUROS, 95, A1_SALT_CONTRACT_EUROS]) expect(numbers).toContain(own);
      const needs = workbook.getWorksheet('Besoins par membre');
      const a2Rows = rowValues(needs, (v) => v[0] === t.world.buyerA2.name);
      // A2's volume stays (120 t); its unit price and amount are blank cells.
      expect(a2Rows.map((v) => [v[3], v[4], v[5] ?? null, v[6] ?? null])).toEqual([[120, 't', null, null]]);
      expect(texts.some((x) => x.startsWith('Montant d’un autre membre'))).toBe(true);
    });

    it('gives the facilitator every figure (control)', async () => {
      const { numbers } = await cellsOf((await t.as('facilitator').get(`/api/groupements/${salt.id}/file.xlsx`)).rawPayload);
      for (const figure of [A2_SALT_EUROS, A2_SALT_PRICE_EUROS, A2_SALT_CONTRACT_EUROS, SALT_TOTAL_EUROS])
        expect(numbers).toContain(figure);
    });
  });

  describe('convention (DOCX, PDF)', () => {
    /**
     * The maxima the annex states: each member's share of the opportunity's estimated value
     * (EV × amount ÷ 22 080 €), rounded up to two significant digits of euros.
     */
    async function expectedMaxima(): Promise<string[]> {
      const detail = (
        await t.as('facilitator').get(`/api/territories/${slug()}/opportunities/${encodeURIComponent('famille:fam-salt@territoire')}`)
      ).json();
      const roundUp = (cents: number) => {
        const euros = Math.ceil(cents / 100);
        const step = 10 ** Math.max(0, String(euros).length - 2);
        return Math.ceil(euros / step) * step * 100;
      };
      return [1_140_000, 1_068_000].map((amount) =>
        conventionEuros(roundUp(Math.round((detail.estimatedValueCents * amount) / 2_208_000))),
      );
    }

    it.each(['docx', 'pdf'] as const)(
      'states every member’s quantities and maximum in the %s, and no unit price or contract amount',
      async (format) => {
        const response = await t.as('member').get(`/api/groupements/${salt.id}/convention.${format}`);
        expect(response.statusCode).toBe(200);
        const text = format === 'docx' ? await docxText(response.rawPayload) : pdfText(response.rawPayload, 'convention.pdf');
        expect(text).toContain('Annexe : quantités prévisionnelles et montants maximums des membres');
        expect(text.match(/120 t/g)?.length).toBe(2);
        for (const maximum of await expectedMaxima()) expect(text).toContain(maximum);
        // Neither A2's unit price (89,00 €), its exact amount (10 680,00 €), nor any running contract amount.
        for (const hidden of ['89,00 €', '10 680,00 €', '27 777,00 €', '31 111,00 €']) expect(text).not.toContain(hidden);
      },
    );
  });

  describe('opportunity totals and scenarios', () => {
    const url = (path: string) => `/api/territories/${slug()}/opportunities${path}`;
    const saltId = encodeURIComponent('famille:fam-salt@territoire');
    const paperId = encodeURIComponent('famille:fam-paper@territoire');

    it('shows no total where only one other member contributes, says why, and keeps it out of the explanations', async () => {
      const response = await t.as('member').get(url(`/${saltId}`));
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.annualAmountCents).toBeNull();
      expect(body.savingsDetail).toBeNull();
      expect(body.totalsWithheld.code).toBe('too_few_others');
      expect(body.totalsWithheld.message).toContain('moins de 2 autres membres');
      expect(numbersIn(response)).not.toContain(2_208_000);
      expect(numbersIn(response)).not.toContain(1_068_000);
      expect(body.explanation).not.toContain('22 080 €');
      expect(body.members.find((m: { organizationId: string }) => m.organizationId === t.world.buyerA2.id).shareBand).toBe('25_to_50');
    });

    it('shows the total where at least two other members contribute', async () => {
      const body = (await t.as('member').get(url(`/${paperId}`))).json();
      expect(body.annualAmountCents).toBe(PAPER_TOTAL_CENTS);
      expect(body.totalsWithheld).toBeNull();
    });

    it('withholds totals of another analysis than the reference one (confirmed needs only)', async () => {
      const body = (await t.as('member').get(url(`/${paperId}?confirmedOnly=true`))).json();
      expect(body.annualAmountCents).toBeNull();
      expect(body.totalsWithheld.code).toBe('variant');
    });

    it('does not reveal the amount of a member a scenario makes leave', async () => {
      const asMember = await t.as('member').post(url(`/${paperId}/scenario`), { leave: [t.world.buyerA2.id] });
      expect(asMember.statusCode).toBe(200);
      const body = asMember.json();
      expect(body.diff.annualAmountCents).toBeNull();
      expect(body.scenario.annualAmountCents).toBeNull();
      expect(body.withheld.code).toBe('what_if');
      for (const hidden of [A2_PAPER_CENTS, -A2_PAPER_CENTS, PAPER_TOTAL_CENTS - A2_PAPER_CENTS])
        expect(numbersIn(asMember)).not.toContain(hidden);
      // Nor does the explanation: A2's 3 456 €, the totals 11 678 € before and 8 222 € after.
      const explanation = body.explanation.join(' ');
      for (const hidden of ['3 456 €', '11 678 €', '8 222 €']) expect(explanation).not.toContain(hidden);
      expect(explanation).toContain('quitte le groupement (montant non communiqué par an en moins)');
      // The facilitator reads the difference and the amounts of the explanation (control).
      const asFacilitator = await t.as('facilitator').post(url(`/${paperId}/scenario`), { leave: [t.world.buyerA2.id] });
      expect(asFacilitator.json().diff.annualAmountCents).toBe(-A2_PAPER_CENTS);
      expect(asFacilitator.json().explanation.join(' ')).toContain('(3 456 € par an en moins)');
    });

    it('shows a scenario where only the member’s own organization leaves', async () => {
      const body = (await t.as('member').post(url(`/${paperId}/scenario`), { leave: [t.world.buyerA1.id] })).json();
      expect(body.diff.annualAmountCents).toBe(-200_000);
      expect(body.withheld).toBeNull();
    });

    it('leaves the two-member totals out of the opportunities workbook, saying why', async () => {
      const response = await t.as('member').get(`/api/territories/${slug()}/opportunities.xlsx`);
      const { numbers, workbook } = await cellsOf(response.rawPayload);
      expect(numbers).not.toContain(SALT_TOTAL_EUROS);
      const saltRow = rowValues(workbook.getWorksheet('Opportunités'), (v) => String(v[3]).includes(t.world.buyerA2.name) && v[2] === 2);
      expect(saltRow.map((v) => [v[4] ?? null, String(v[13]).slice(0, 25)])).toEqual([[null, 'Total non communiqué : mo']]);
      expect(numbers).toContain(PAPER_TOTAL_CENTS / 100);
    });
  });

  describe('territory overview', () => {
    it('withholds per-family and territory totals from a member, keeping counts and its own total', async () => {
      const body = (await t.as('member').get(`/api/territories/${slug()}/overview`)).json();
      expect(body.amountsWithheld.code).toBe('variant');
      expect(body.totals.annualAmountCents).toBeNull();
      expect(body.families.every((f: { annualAmountCents: number | null }) => f.annualAmountCents === null)).toBe(true);
      expect(body.families.some((f: { needsCount: number }) => f.needsCount > 0)).toBe(true);
    });
  });

  describe('lifecycle of a launched two-member groupement', () => {
    it('withholds the launch’s pooled value and savings from a member', async () => {
      const body = (await t.as('member').get(`/api/groupements/${launchedId}/lifecycle`)).json();
      expect(body.launch).toMatchObject({ estimatedValueCents: null, savings: null, withheld: { code: 'too_few_others' } });
      expect((await t.as('facilitator').get(`/api/groupements/${launchedId}/lifecycle`)).json().launch.estimatedValueCents).toBe(8_832_000);
    });

    it('gives a member its own savings line without the pooled total or its pool-based estimate', async () => {
      const response = await t.as('member').get(`/api/groupements/${launchedId}/savings`);
      const body = response.json();
      expect(body.total).toBeNull();
      expect(body.lots).toEqual([]);
      expect(body.members.map((m: { organizationId: string }) => m.organizationId)).toEqual([t.world.buyerA1.id]);
      expect(body.members[0]).toMatchObject({ baselineCents: 1_140_000, estimated: null });
      // A2's baseline, consumption (877,77 €) and estimate (53 400 c) appear nowhere.
      for (const hidden of [1_068_000, 87_777, 53_400, 2_208_000]) expect(numbersIn(response)).not.toContain(hidden);
    });

    it('keeps another member’s consumption lines and the launch values out of the member’s audit trail', async () => {
      const response = await t.as('member').get(`/api/groupements/${launchedId}/audit`);
      expect(response.statusCode).toBe(200);
      for (const hidden of [87_777, 1_068_000, 8_832_000]) expect(numbersIn(response)).not.toContain(hidden);
      const facilitator = await t.as('facilitator').get(`/api/groupements/${launchedId}/audit`);
      expect(numbersIn(facilitator)).toContain(87_777);
    });

    it('leaves the groupement out of the member’s dashboard totals, in JSON, XLSX and PDF', async () => {
      const json = await t.as('member').get(`/api/territories/${slug()}/dashboard`);
      const body = json.json();
      const row = body.groupements.find((g: { id: string }) => g.id === launchedId);
      expect(row).toMatchObject({ estimatedCents: null, committedCents: null, realisedCents: null });
      expect(body.withheldGroupements).toBeGreaterThanOrEqual(1);
      expect(numbersIn(json)).not.toContain(2_208_000);
      const facilitator = (await t.as('facilitator').get(`/api/territories/${slug()}/dashboard`)).json();
      expect(facilitator.groupements.find((g: { id: string }) => g.id === launchedId).estimatedCents).toBe(110_400);
      const xlsx = await cellsOf((await t.as('member').get(`/api/territories/${slug()}/dashboard.xlsx`)).rawPayload);
      expect(xlsx.numbers).not.toContain(1_104);
      expect(xlsx.texts.some((x) => x.startsWith('Totaux hors'))).toBe(true);
      const pdf = pdfText((await t.as('member').get(`/api/territories/${slug()}/dashboard.pdf`)).rawPayload, 'dashboard.pdf');
      expect(pdf).toContain('Totaux hors');
      expect(pdf).not.toContain('22 080');
    });
  });

  describe('open data', () => {
    it('publishes a two-member groupement’s planning without its estimated value to a member', async () => {
      const releases = (await t.as('member').get(`/api/territories/${slug()}/ocds.json`)).json().releases as {
        ocid: string;
        planning?: { budget: { amount?: unknown } };
      }[];
      const planning = releases.find((r) => r.ocid.endsWith(salt.id));
      expect(planning?.planning?.budget.amount).toBeUndefined();
      const asFacilitator = (await t.as('facilitator').get(`/api/territories/${slug()}/ocds.json`)).json().releases as typeof releases;
      expect(asFacilitator.find((r) => r.ocid.endsWith(salt.id))?.planning?.budget.amount).toBeDefined();
    });
  });

  describe('census and public forecast files', () => {
    /** A2's salt figures as a CSV or calendar could write them (with or without thousands separator or cents). */
    const hiddenSalt = [/10[\s\u202f]?680(?![\d])/, /89[,.]00/, /27[\s\u202f]?777/, /22[\s\u202f]?080/];

    it('gives a member its own needs only in needs.csv and needs.xlsx', async () => {
      const csv = (await t.as('member').get(`/api/territories/${slug()}/needs.csv`)).body;
      expect(csv).toContain(t.world.buyerA1.siret);
      expect(csv).not.toContain(t.world.buyerA2.siret);
      for (const pattern of hiddenSalt) expect(csv).not.toMatch(pattern);
      const xlsx = await cellsOf((await t.as('member').get(`/api/territories/${slug()}/needs.xlsx`)).rawPayload);
      expect(xlsx.texts).toContain(t.world.buyerA1.siret);
      expect(xlsx.texts).not.toContain(t.world.buyerA2.siret);
      for (const hidden of [A2_SALT_EUROS, A2_SALT_PRICE_EUROS, SALT_TOTAL_EUROS]) expect(xlsx.numbers).not.toContain(hidden);
    });

    it.each(['csv', 'ics'] as const)('publishes no member amount or price in the public forecast %s', async (format) => {
      const response = await t.as('member').get(`/api/public/territories/${slug()}/forecast.${format}`);
      expect(response.statusCode).toBe(200);
      for (const pattern of hiddenSalt) expect(response.body).not.toMatch(pattern);
      expect(response.body).not.toMatch(/11[\s\u202f]?400|95[,.]00/);
    });
  });

  describe('consumption import', () => {
    const file = (siret: string) => {
      const csv = Buffer.from(`Lot;SIRET;Mois;Quantité;Montant HT\r\nlot-1;${siret};2026-08;2;170\r\n`);
      return multipartFile('conso.csv', csv);
    };

    it('refuses the coordinator’s file holding another member’s line with 403, as the manual route does, and writes nothing', async () => {
      const before = (await t.repos.consumption.listByGroupements([launchedId])).length;
      const { payload, headers } = file(t.world.buyerA2.siret);
      const imported = await t.as('member').request('POST', `/api/groupements/${launchedId}/consumption/import`, payload, headers);
      expect(imported.statusCode).toBe(403);
      expect(imported.json().details.issues).toEqual([expect.objectContaining({ line: 2, file: 'conso.csv' })]);
      const manual = await t.as('member').post(`/api/groupements/${launchedId}/consumption`, {
        entries: [{ lotKey: 'lot-1', organizationId: t.world.buyerA2.id, period: '2026-08', quantity: 2, amountCents: 17_000 }],
      });
      expect(manual.statusCode).toBe(403);
      expect((await t.repos.consumption.listByGroupements([launchedId])).length).toBe(before);
    });

    it('imports the member’s own line', async () => {
      const { payload, headers } = file(t.world.buyerA1.siret);
      const imported = await t.as('member').request('POST', `/api/groupements/${launchedId}/consumption/import`, payload, headers);
      expect(imported.statusCode, imported.body).toBe(200);
      expect(imported.json()).toEqual({ written: 1 });
    });
  });
});
