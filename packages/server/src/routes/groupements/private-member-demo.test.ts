import type { GroupementDto } from '@mutualis/contract';
import ExcelJS from 'exceljs';
import { DEMO_PASSWORD } from '@mutualis/core';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../db/test/dialects';
import { type Client, loggedInClient } from '../../../test/test-app';
import { buildApp } from '../../app/build-app';
import { loadConfig } from '../../config/load-config';
import { loadDemo } from '../../demo/load-demo';

/*
 * Issue 17 §4 on the Charente demo: Embouteillage des Charentes, an industrial firm (large company, a private
 * legal person that is not a buyer), pools its work gloves with the city of Cognac under L2113-6.
 * Seed rows: Cognac 1 200 pairs × 3,10 € = 3 720 € a year; the bottler 9 000 pairs × 2,65 € = 23 850 € a year.
 */
const GLOVES = 'famille:fam-ppe-gloves@16';
const BOTTLER = 'demo-org-16-embouteillage-charentes';
const COGNAC = 'demo-org-16-cognac';
const SLOW = 240_000;

let database: TestDatabase;
let app: FastifyInstance;
let facilitator: Client;
let bottler: Client;
let groupement: GroupementDto;

async function docxText(payload: Buffer): Promise<string> {
  const xml = (await (await JSZip.loadAsync(payload)).file('word/document.xml')?.async('string')) ?? '';
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1])
    .join('\n')
    .replace(/[\u202f\u00a0]/g, ' ');
}

const packUrl = (organizationId: string) => `/api/groupements/${groupement.id}/members/${organizationId}/assembly-pack.docx`;

beforeAll(async () => {
  database = await openTestDatabase('sqlite');
  await loadDemo(database.m);
  app = await buildApp({ database: database.m, config: loadConfig({ LOG_LEVEL: 'silent' }), logger: false });
  const as = (email: string) => loggedInClient(app, email, DEMO_PASSWORD);
  facilitator = await as('facilitateur@charente.demo');
  bottler = await as('achats@embouteillage-charentes.demo');
  const response = await facilitator.post('/api/territories/charente/groupements', {
    opportunityId: GLOVES,
    name: 'Gants de travail 2027',
    mandateScope: 'procedure',
  });
  if (response.statusCode !== 201) throw new Error(response.body);
  groupement = response.json() as GroupementDto;
}, SLOW);

afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

describe('a private member in the Charente demo (L2113-6, issue 17 §4)', () => {
  it('counts the bottler’s gloves in the groupement beside the city of Cognac', () => {
    expect(groupement.members.map((m) => [m.organizationId, m.kind]).sort()).toEqual([
      [COGNAC, 'commune'],
      [BOTTLER, 'large_company'],
    ]);
  });

  it('gives the private member a decision of its competent body with the L2113-6 condition, and its own figures only', async () => {
    const response = await bottler.get(packUrl(BOTTLER));
    expect(response.statusCode, response.body).toBe(200);
    const text = await docxText(response.rawPayload);
    expect(text).toContain('Projet de décision de l’organe compétent');
    expect(text).toContain('personne morale de droit privé qui n’est pas un acheteur');
    expect(text).toContain('Personne privée (L2113-6)');
    // Its own 23 850 € a year; Cognac's 3,10 € and 3 720 € stay out.
    expect(text).toContain('23 850 € HT');
    expect(text).not.toContain('3 720 €');
    expect(text).not.toContain('3,10 €');
  });

  it('proposes the city, not the private member, as coordinator, and keeps each one’s figures out of the other’s pack', async () => {
    // The bottler holds 23 850 of 27 570 € (86,5 %), but a private member is not a public buyer and has no CAO:
    // the proposal (core/src/coordinator/assign-coordinators.ts) leaves the procedure to Cognac, the only public member.
    expect(groupement.coordinatorIds).toEqual([COGNAC]);
    // A member that does not coordinate reads its own pack only.
    expect((await bottler.get(packUrl(COGNAC))).statusCode).toBe(403);
    const cityPack = await docxText((await facilitator.get(packUrl(COGNAC))).rawPayload);
    expect(cityPack).toContain('Projet de délibération');
    expect(cityPack).toContain('3 720 € HT');
    expect(cityPack).not.toContain('23 850 €');
    expect(cityPack).not.toContain('2,65 €');
  });

  it('offers the private member in the census template, not the supplier firms of the territory', async () => {
    const response = await facilitator.get('/api/territories/charente/census/template.xlsx');
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(response.rawPayload).buffer);
    const listed = (workbook.getWorksheet('Listes')?.getColumn(1).values ?? []).filter((v): v is string => typeof v === 'string');
    // The bottler has no supplier profile; the polish maker is a supplier firm of the territory.
    expect(listed.some((v) => v.includes('Embouteillage des Charentes'))).toBe(true);
    expect(listed.some((v) => v.includes('Ville de Cognac'))).toBe(true);
    expect(listed.some((v) => v.includes('Cirages et Cires de l’Angoumois'))).toBe(false);
  });
});
