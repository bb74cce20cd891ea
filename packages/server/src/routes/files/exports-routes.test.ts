import { parseCsv } from '../../files/csv';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeApp } from '../../../test/test-app';

async function sheetNames(content: Buffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(content).buffer);
  return workbook.worksheets.map((w) => w.name);
}

describeApp('census template and exports routes', (t) => {
  const url = (file: string) => `/api/territories/${t.world.territoryA.slug}/${file}`;

  it('offers the territory’s buyers in the census template, the member’s own organization only', async () => {
    const listed = async (persona: 'facilitator' | 'member') => {
      const response = await t.as(persona).get(url('census/template.xlsx'));
      expect(response.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(new Uint8Array(response.rawPayload).buffer);
      const column = workbook.getWorksheet('Listes')?.getColumn(1).values ?? [];
      return column.filter((v): v is string => typeof v === 'string').slice(1);
    };
    const all = await listed('facilitator');
    expect(all.some((v) => v.startsWith(t.world.buyerA1.siret))).toBe(true);
    expect(all.some((v) => v.startsWith(t.world.buyerA2.siret))).toBe(true);
    expect(all.some((v) => v.startsWith(t.world.firmA.siret))).toBe(false);
    const own = await listed('member');
    expect(own.map((v) => v.slice(0, 14))).toEqual([t.world.buyerA1.siret]);
  });

  it('exports the needs as CSV, a member’s own organization only', async () => {
    const sirets = async (persona: 'facilitator' | 'member') => {
      const response = await t.as(persona).get(url('needs.csv'));
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-disposition']).toContain('.csv');
      const [, ...rows] = parseCsv(response.body.replace(/^\uFEFF/, ''));
      return new Set(rows.map((r) => r.cells[0]));
    };
    expect(await sirets('facilitator')).toEqual(new Set([t.world.buyerA1.siret, t.world.buyerA2.siret]));
    expect(await sirets('member')).toEqual(new Set([t.world.buyerA1.siret]));
  });

  it('exports the needs and the opportunities as workbooks', async () => {
    const needs = await t.as('observer').get(url('needs.xlsx'));
    expect(await sheetNames(needs.rawPayload)).toEqual(['Besoins']);
    const opportunities = await t.as('member').get(url('opportunities.xlsx'));
    expect(opportunities.statusCode).toBe(200);
    expect(await sheetNames(opportunities.rawPayload)).toEqual(['Opportunités']);
  });

  it('refuses exports to a supplier and a bad organization filter', async () => {
    expect((await t.as('supplier').get(url('needs.xlsx'))).statusCode).toBe(403);
    expect((await t.as('supplier').get(url('census/template.xlsx'))).statusCode).toBe(403);
    expect((await t.as('facilitator').get(url('needs.csv?organization='))).statusCode).toBe(400);
  });
});
