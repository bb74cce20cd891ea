import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildConventionInput, CD67, HAGUENAU, HOSPITAL } from '../test-builders';
import { buildConventionDocx } from './build-convention-docx';
import { buildConventionPdf } from './build-convention-pdf';
import { buildConventionContent } from './convention-content';
import { shareCostProRata } from './cost-sharing';

const dir = mkdtempSync(join(tmpdir(), 'mutualis-convention-'));
/** Text a reader sees, whitespace folded, words cut at a line-end hyphen joined again. */
function fold(text: string): string {
  return text.replace(/-\s*\n\s*/g, '-').replace(/\s+/g, ' ');
}

const input = buildConventionInput();
const expectedTexts = [
  ...input.parties.flatMap((p) => [p.organization.name, p.organization.siret]),
  'Est désigné coordonnateur du groupement : Département du Bas-Rhin',
  'Mandat retenu : Passation, signature et notification (chaque membre exécute sa part).',
  'signer le marché et le notifier au titulaire au nom et pour le compte de tous les membres',
  'L2113-6',
  'L2113-7',
  'L2113-8',
  'L1414-3',
  'la commission d’appel d’offres compétente est celle du coordonnateur',
  'question n° 100136',
];

describe('buildConventionContent', () => {
  it('numbers the articles and explains the chosen mandate', () => {
    const content = buildConventionContent(input);
    expect(content.articles.map((a) => `${a.number}. ${a.title}`)).toEqual([
      '1. Objet',
      '2. Membres du groupement',
      '3. Nature et durée',
      '4. Coordonnateur',
      '5. Étendue du mandat confié au coordonnateur',
      '6. Commission d’appel d’offres',
      '7. Adhésion et retrait',
      '8. Dispositions financières',
      '9. Approbation par les assemblées délibérantes',
      '10. Litiges',
      '11. Références juridiques',
      '12. Annexe : quantités prévisionnelles et montants maximums des membres',
    ]);
  });

  it('states each member’s quantities and maximum in the annex, and no unit price', () => {
    const parties = input.parties.map((p, i) => ({ ...p, annualQuantities: i === 2 ? '' : `${(i + 1) * 100} t` }));
    const annex = buildConventionContent({ ...input, parties }).articles[11]?.blocks[1];
    // Maxima of the builder: 300 000, 100 000, 50 000 and 100 000 € (total 550 000 €).
    expect(annex?.kind === 'table' && annex.rows).toEqual([
      ['Département du Bas-Rhin', '100 t', '300 000,00 €'],
      ['Ville de Strasbourg', '200 t', '100 000,00 €'],
      ['Ville de Haguenau', 'montants seulement', '50 000,00 €'],
      ['Hôpitaux universitaires de Strasbourg', '400 t', '100 000,00 €'],
      ['Total', '', '550 000,00 €'],
    ]);
  });

  it('shows the cost-sharing table pro rata of estimated amounts, adding up to the cost', () => {
    const table = buildConventionContent(input).articles[7]?.blocks[1];
    expect(table?.kind === 'table' && table.rows).toEqual([
      ['Département du Bas-Rhin', '300 000,00 €', '54,55 %', '1 636,37 €'],
      ['Ville de Strasbourg', '100 000,00 €', '18,18 %', '545,46 €'],
      ['Ville de Haguenau', '50 000,00 €', '9,09 %', '272,73 €'],
      ['Hôpitaux universitaires de Strasbourg', '100 000,00 €', '18,18 %', '545,45 €'],
      ['Total', '550 000,00 €', '100,00 %', '3 000,01 €'],
    ]);
  });

  it('describes a groupement commission and an integrated mandate when chosen', () => {
    const content = buildConventionContent(
      buildConventionInput({ tenderCommission: 'groupement', mandateScope: 'procedure_signature_execution' }),
    );
    const text = JSON.stringify(content);
    expect(text).toContain('il est institué une commission d’appel d’offres du groupement');
    expect(text).toContain('exécuter le marché : émettre les commandes');
  });

  it('institutes the groupement’s CAO when the coordinator is a hospital, whatever was asked (L1414-3 I and II)', () => {
    // 3 of 4 members are local authorities: L1414-3 I applies; the hospital has no CAO, so II is closed.
    const content = buildConventionContent(buildConventionInput({ coordinatorIds: [HOSPITAL.id], tenderCommission: 'coordinator' }));
    const article = content.articles[5];
    const [opening, table, chair, noCao] = article?.blocks ?? [];
    expect(opening?.kind === 'paragraph' && opening.text).toBe(
      'En application de l’article L1414-3 I du Code général des collectivités territoriales, le groupement étant composé en majorité de collectivités territoriales ou d’établissements publics locaux (3 membre(s) sur 4 sont des collectivités territoriales ou des établissements publics locaux), il est institué une commission d’appel d’offres du groupement, composée comme suit :',
    );
    expect(table?.kind === 'table' && table.rows).toEqual([
      [
        'Département du Bas-Rhin',
        'Un représentant élu parmi les membres ayant voix délibérative de sa commission d’appel d’offres (I 1°)',
        '',
      ],
      ['Ville de Strasbourg', 'Un représentant élu parmi les membres ayant voix délibérative de sa commission d’appel d’offres (I 1°)', ''],
      ['Ville de Haguenau', 'Un représentant élu parmi les membres ayant voix délibérative de sa commission d’appel d’offres (I 1°)', ''],
      ['Hôpitaux universitaires de Strasbourg', 'Un représentant désigné selon ses modalités propres (I 2°)', 'Présidence'],
    ]);
    expect(chair?.kind === 'paragraph' && chair.text).toContain(
      'présidée par le représentant du coordonnateur, Hôpitaux universitaires de Strasbourg',
    );
    expect(noCao?.kind === 'paragraph' && noCao.text).toContain('la convention ne peut pas désigner la sienne (article L1414-3 II)');
  });

  it('lets the convention institute its own commission when local authorities are not a majority', () => {
    const parties = input.parties.filter((p) => p.organization.id === HAGUENAU.id || p.organization.id === HOSPITAL.id);
    const content = buildConventionContent(
      buildConventionInput({ parties, coordinatorIds: [HAGUENAU.id], tenderCommission: 'groupement' }),
    );
    const opening = content.articles[5]?.blocks[0];
    expect(opening?.kind === 'paragraph' && opening.text).toMatch(
      /^Le groupement n’étant pas composé en majorité de collectivités territoriales ou d’établissements publics locaux \(1 membre\(s\) sur 2 .*ne lui impose pas de commission d’appel d’offres/,
    );
  });

  it('writes each member’s start of execution, a deferred entry being no late joining', () => {
    const entries = [
      { organizationId: CD67.id, joinDate: '2027-09-02', isAtStart: true },
      { organizationId: HAGUENAU.id, joinDate: '2028-04-01', isAtStart: false },
    ];
    const content = buildConventionContent(buildConventionInput({ entries }));
    const table = content.articles[2]?.blocks[3];
    expect(table?.kind === 'table' && table.rows).toEqual([
      ['Département du Bas-Rhin', '2 septembre 2027', 'Démarrage des marchés'],
      ['Ville de Haguenau', '1er avril 2028', 'Entrée différée, à l’échéance de son marché en cours'],
    ]);
    expect(JSON.stringify(content.articles[6])).toContain('n’est pas un membre tardif');
  });

  it('asks for the missing deliberation of a local authority', () => {
    const parties = input.parties.map((p) => (p.organization.id === HAGUENAU.id ? { ...p, deliberation: null } : p));
    const table = buildConventionContent({ ...input, parties }).articles[8]?.blocks[1];
    expect(table?.kind === 'table' && table.rows[2]).toEqual(['Ville de Haguenau', 'Délibération à produire avant signature', '']);
  });
});

describe('shareCostProRata', () => {
  it('gives the remainder cents to the largest fractional parts', () => {
    const shares = shareCostProRata(100, [
      { id: 'a', amountCents: 1 },
      { id: 'b', amountCents: 1 },
      { id: 'c', amountCents: 1 },
    ]);
    expect(shares.map((s) => s.costCents)).toEqual([34, 33, 33]);
  });
});

describe('buildConventionDocx', () => {
  let xml = '';
  beforeAll(async () => {
    const buffer = await buildConventionDocx(input);
    writeFileSync(join(dir, 'convention.docx'), buffer);
    const zip = await JSZip.loadAsync(buffer);
    xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  });

  it('contains every party, the coordinator, the mandate and the legal references', () => {
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
    for (const expected of expectedTexts) expect(text).toContain(expected);
    expect(text).toContain('Article 11 — Références juridiques');
  });
});

describe('buildConventionPdf', () => {
  let text = '';
  let pdf: Buffer = Buffer.alloc(0);
  beforeAll(async () => {
    pdf = await buildConventionPdf(input);
    const path = join(dir, 'convention.pdf');
    writeFileSync(path, pdf);
    text = fold(execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }));
  });

  it('is a PDF whose text holds every party, the coordinator, the mandate and the legal references', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    for (const expected of expectedTexts) expect(text).toContain(expected);
    expect(text).toContain('Article 11 — Références juridiques');
    expect(text).toMatch(/page 1 \/ \d+/);
  });
});
