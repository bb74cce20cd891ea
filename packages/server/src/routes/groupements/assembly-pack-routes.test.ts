import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GroupementDto } from '@mutualis/contract';
import JSZip from 'jszip';
import { beforeAll, expect, it } from 'vitest';
import { describeApp } from '../../../test/test-app';

/** The de-icing salt opportunity of territory A: buyers A1 (the member's) and A2. */
const SALT = 'famille:fam-salt@territoire';
const dir = mkdtempSync(join(tmpdir(), 'mutualis-pack-'));

async function docxText(payload: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(payload);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
}

function pdfText(payload: Buffer, name: string): string {
  const path = join(dir, name);
  writeFileSync(path, payload);
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' })
    .replace(/-\s*\n\s*/g, '-')
    .replace(/\s+/g, ' ');
}

describeApp('assembly pack routes', (t) => {
  let salt: GroupementDto;
  const url = (organizationId: string, format: 'docx' | 'pdf') =>
    `/api/groupements/${salt.id}/members/${organizationId}/assembly-pack.${format}`;
  const coordinate = async (organizationId: string) => {
    const response = await t.as('facilitator').patch(`/api/groupements/${salt.id}`, { coordinatorIds: [organizationId] });
    if (response.statusCode !== 200) throw new Error(response.body);
  };

  beforeAll(async () => {
    const response = await t.as('facilitator').post(`/api/territories/${t.world.territoryA.slug}/groupements`, {
      opportunityId: SALT,
      name: 'Sel 2027',
      mandateScope: 'procedure',
    });
    if (response.statusCode !== 201) throw new Error(response.body);
    salt = response.json() as GroupementDto;
  });

  it('gives a member its own pack in DOCX: note, draft deliberation, annexes, with its figures and not the other member’s', async () => {
    await coordinate(t.world.buyerA2.id);
    const response = await t.as('member').get(url(t.world.buyerA1.id, 'docx'));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    const text = await docxText(response.rawPayload);
    for (const title of ['Note de présentation', 'Projet de délibération', 'Annexes à la convention constitutive'])
      expect(text).toContain(title);
    // A1 (world.ts): 120 t at 95 €/t = 11 400 € a year; A2: 120 t at 89 €/t = 10 680 € a year.
    expect(text).toContain('95 € HT');
    expect(text).toContain('11 400 € HT');
    expect(text).not.toContain('89 € HT');
    expect(text).not.toContain('10 680 €');
    expect(text).toContain(`Accepte la désignation de ${t.world.buyerA2.name} comme coordonnateur du groupement`);
    // Annex 1 names both members with their yearly quantity, as the convention annex writes it.
    expect(text).toContain(`${t.world.buyerA2.name}`);
    expect(text).toContain('120 t');
  });

  it('keeps another member’s pack from a member that does not coordinate, from the observer and from another territory', async () => {
    await coordinate(t.world.buyerA2.id);
    expect((await t.as('member').get(url(t.world.buyerA2.id, 'docx'))).statusCode).toBe(403);
    expect((await t.as('observer').get(url(t.world.buyerA1.id, 'docx'))).statusCode).toBe(403);
    expect((await t.as('supplier').get(url(t.world.buyerA1.id, 'pdf'))).statusCode).toBe(403);
    expect((await t.as('otherFacilitator').get(url(t.world.buyerA1.id, 'pdf'))).statusCode).toBe(404);
  });

  it('gives the coordinator every member’s pack with that member’s own figures withheld (disclosure rule)', async () => {
    await coordinate(t.world.buyerA1.id);
    const response = await t.as('member').get(url(t.world.buyerA2.id, 'docx'));
    expect(response.statusCode, response.body).toBe(200);
    const text = await docxText(response.rawPayload);
    expect(text).toContain(`Approuve l’adhésion de ${t.world.buyerA2.name}`);
    expect(text).not.toContain('89 € HT');
    expect(text).not.toContain('10 680 €');
    expect(text).toContain('non communiqué');
  });

  it('gives the facilitator every member’s pack with its figures, the PDF holding the same text', async () => {
    const response = await t.as('facilitator').get(url(t.world.buyerA2.id, 'pdf'));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(response.rawPayload, 'a2.pdf');
    expect(text).toContain('NOTE DE PRÉSENTATION');
    expect(text).toContain('PROJET DE DÉLIBÉRATION');
    expect(text).toContain(`Approuve l’adhésion de ${t.world.buyerA2.name} au groupement de commandes « Sel 2027 »`);
    expect(text).toContain('89 € HT');
    expect(text).toContain('10 680 € HT');
    expect(text).not.toContain('11 400 €');
    expect(text).toMatch(/page 1 \/ \d+/);
  });

  it('answers 404 for an organization that is not a member of the groupement, and refuses an over-long id', async () => {
    const response = await t.as('facilitator').get(url(t.world.firmA.id, 'docx'));
    expect(response.statusCode).toBe(404);
    expect((await t.as('facilitator').get(url('x'.repeat(65), 'docx'))).statusCode).toBe(400);
  });
});
