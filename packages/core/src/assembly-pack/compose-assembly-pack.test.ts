import { describe, expect, it } from 'vitest';
import { buildContract, buildInput, buildNeed, buildOrganization } from '../pooling/test-builders';
import { viewerActingFor } from '../disclosure/disclosure-viewer';
import { formatEuros } from '../pooling/format-euros';
import { resolveTenderCommission } from '../procedure/tender-commission';
import { analyseTerritory } from '../scenario/analyse-territory';
import type { AssemblyPackInput } from './assembly-pack-input';
import { composeAssemblyPack } from './compose-assembly-pack';
import type { ComposedFile, DocumentBlock } from './document-model';
import { annualQuantityOf } from './pack-facts';

// The salt case of analyse-territory.test.ts with a fourth member, a private firm (L2113-6 second paragraph).
const organizations = [
  buildOrganization({ id: 'A', name: 'Strasbourg' }),
  buildOrganization({ id: 'B', name: 'Schiltigheim' }),
  buildOrganization({ id: 'C', name: 'Illkirch' }),
  buildOrganization({ id: 'D', name: 'Transports Meyer SARL', kind: 'sme', sirenPrefix: '41234567' }),
];
const needs = [
  buildNeed({ id: 'nA', organizationId: 'A', annualAmountCents: 2_000_000, quantity: 200, unit: 't', unitPriceCents: 10_000 }),
  buildNeed({ id: 'nB', organizationId: 'B', annualAmountCents: 1_200_000, quantity: 100, unit: 't', unitPriceCents: 12_000 }),
  buildNeed({ id: 'nC', organizationId: 'C', annualAmountCents: 550_000, quantity: 50_000, unit: 'kg', unitPriceCents: 11 }),
  buildNeed({ id: 'nD', organizationId: 'D', annualAmountCents: 300_000, quantity: 30, unit: 't', unitPriceCents: 10_500 }),
];
const runningContracts = [
  buildContract({ id: 'ca', organizationId: 'A', startDate: '2023-10-01', renewalsUsed: 2 }),
  buildContract({ id: 'cb', organizationId: 'B', startDate: '2024-01-01', renewalsUsed: 1 }),
];
const [opportunity] = analyseTerritory(buildInput({ organizations, needs, runningContracts })).opportunities;
if (!opportunity) throw new Error('the salt opportunity is expected');

function packInput(memberId: string, tenderCommission: 'coordinator' | 'groupement' = 'coordinator'): AssemblyPackInput {
  const commission = resolveTenderCommission({
    members: organizations.map((o) => ({ organizationId: o.id, name: o.name, kind: o.kind })),
    coordinatorId: 'A',
    at: '2026-01-15',
  });
  const member = (id: string) => opportunity?.members.find((m) => m.organizationId === id);
  return {
    at: '2026-01-15',
    groupement: {
      name: 'Sel de déneigement 67',
      familyName: 'Sel de déneigement',
      cpvCodes: ['34927100'],
      isPermanent: false,
      mandateScope: 'procedure',
      coordinatorIds: ['A'],
      durationMonths: 48,
      procedureCostCents: 300_000,
      withdrawalNoticeMonths: 3,
    },
    // Maximum over the duration = annual amount × 4.8 (R2121-1 value of analyse-territory.test.ts: 4 years × 1.2).
    annex: organizations.map((o) => ({
      organizationId: o.id,
      name: o.name,
      siret: o.siret,
      kind: o.kind,
      annualQuantity: annualQuantityOf(
        needs.filter((n) => n.organizationId === o.id),
        'kg',
      ),
      maximumCents: Math.round((member(o.id)?.annualAmountCents ?? 0) * 4.8),
    })),
    memberId,
    needs: needs.filter((n) => n.organizationId === memberId).map((n) => ({ ...n, isConfirmed: true })),
    opportunity: opportunity ?? null,
    commission,
    tenderCommission,
    viewer: viewerActingFor([memberId]),
  };
}

function blockText(block: DocumentBlock): string[] {
  if (block.kind === 'paragraph') return [block.text];
  if (block.kind === 'bullets') return [...block.items];
  return [block.header.join(' | '), ...block.rows.map((r) => r.join(' | '))];
}

function textOf(file: ComposedFile): string {
  return file.parts
    .flatMap((part) => [
      part.title,
      part.subtitle,
      ...part.intro.flatMap(blockText),
      ...part.sections.flatMap((s) => [s.heading, ...s.blocks.flatMap(blockText)]),
      ...part.closing.flatMap(blockText),
    ])
    .join('\n');
}

describe('composeAssemblyPack', () => {
  it('counts the private member’s needs in the pooled volume (L2113-6: a private legal person may join)', () => {
    // 20 000 + 12 000 + 5 500 + 3 000 € a year; 200 t + 100 t + 50 t + 30 t = 380 000 kg.
    expect(opportunity.annualAmountCents).toBe(4_050_000);
    expect(opportunity.quantity).toEqual({ value: 380_000, unit: 'kg' });
    expect(opportunity.members.map((m) => m.organizationId)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('writes a member’s note, deliberation and annexes with its own figures and every member’s maximum', () => {
    const text = textOf(composeAssemblyPack(packInput('B')));
    expect(composeAssemblyPack(packInput('B')).parts.map((p) => p.title)).toEqual([
      'Note de présentation',
      'Projet de délibération',
      'Annexes à la convention constitutive',
    ]);
    // B's own need: 100 t at 120 €/t, 12 000 € a year; maximum 12 000 × 4.8 = 57 600 €.
    expect(text).toContain('Sel de déneigement | 100 tonne | 120 € HT | 12 000 € HT');
    expect(text).toContain(
      'Montant maximum de Schiltigheim sur toute la durée de l’accord-cadre, inscrit en annexe de la convention : 57 600 € HT',
    );
    // Annex 1: each member's yearly quantity (kg) and maximum; 40 500 × 4.8 = 194 400 €.
    expect(text).toContain('Strasbourg | Collectivité territoriale | 200 000 kilogramme | 96 000 € HT');
    expect(text).toContain('Transports Meyer SARL | Personne privée (L2113-6) | 30 000 kilogramme | 14 400 € HT');
    expect(text).toContain('Total |  |  | 194 400 € HT');
    // Annex 3: 3 000 € pro rata of the maxima: B 57 600 / 194 400 = 29,63 % → 888,89 € (rounded to 889 € by formatEuros).
    expect(text).toContain('Schiltigheim | 29,63 % | 889 € HT');
    // Savings: de-icing salt is a supply-security segment — no price effect is promised.
    expect(text).toContain('Aucune baisse de prix n’est attendue pour ce segment');
    // B enters after the start (deferred entry of analyse-territory.test.ts) and the deliberation says so.
    expect(text).toContain('Schiltigheim entre dans l’exécution le 1er janvier 2027 (entrée différée');
    expect(text).toContain('Considérant que Schiltigheim n’entrera dans l’exécution des marchés que le 1er janvier 2027');
    // Deliberation articles: approve, coordinator, signature; the coordinator's CAO is designated (L1414-3 II): no seat to name.
    expect(text).toContain('Approuve l’adhésion de Schiltigheim au groupement de commandes « Sel de déneigement 67 »');
    expect(text).toContain('Accepte la désignation de Strasbourg comme coordonnateur du groupement');
    expect(text).toContain('Autorise le Maire à signer la convention constitutive');
    expect(text).not.toContain('Désigne, pour siéger');
    expect(text).toContain('Vu le Code de la commande publique, notamment ses articles L2113-6 et L2113-7');
    expect(text).toContain('Vu le Code général des collectivités territoriales, notamment son article L1414-3');
    // Coordinator and why: the largest share, a running contract of the family (the proposal's facts, no figures).
    expect(text).toContain('il porte la plus grande part du volume mutualisé');
    expect(text).toContain('il a un marché en cours de cette famille');
  });

  it('never writes another member’s annual amount, unit price or savings in a member’s pack', () => {
    const text = textOf(composeAssemblyPack(packInput('B')));
    expect(text).toContain('| 120 € HT |');
    // A: 20 000 €/year at 100 €/t; C: 5 500 €/year at 0,11 €/kg; D: 3 000 €/year at 105 €/t.
    for (const other of ['20 000 €', '| 100 € HT', '5 500 €', '0,11 €', '3 000 € HT |', '105 € HT']) expect(text).not.toContain(other);
    // B's pack shows its own figures (12 000 €, 120 €/t) — so the checks above can fail.
    expect(text).toContain(formatEuros(1_200_000));
    expect(text).not.toMatch(/part \d+ %/);
  });

  it('withholds a member’s own amounts, prices and savings from the coordinator preparing its pack (disclosure rule)', () => {
    const text = textOf(composeAssemblyPack({ ...packInput('B'), viewer: viewerActingFor(['A']) }));
    // B's 12 000 € a year and 120 €/t are its own figures; its maximum 57 600 € is a convention figure every signatory reads.
    expect(text).not.toContain('12 000 €');
    expect(text).not.toContain('120 € HT');
    expect(text).toContain('Sel de déneigement | 100 tonne | non communiqué | non communiqué');
    expect(text).toContain('Économies de Schiltigheim : Montant d’un autre membre : il ne vous est pas communiqué.');
    expect(text).toContain('57 600 € HT');
  });

  it('names the member’s seat in the groupement’s own commission (CGCT L1414-3 I 1° and I 2°)', () => {
    // « Un représentant élu parmi les membres ayant voix délibérative de la commission d’appel d’offres de chaque membre
    // du groupement qui dispose d’une commission d’appel d’offres » (I 1°); « Un représentant pour chacun des autres
    // membres du groupement désigné selon les modalités qui leur sont propres » (I 2°).
    expect(textOf(composeAssemblyPack(packInput('B', 'groupement')))).toContain(
      'Désigne, pour siéger à la commission d’appel d’offres du groupement, M./Mme [titulaire] et M./Mme [suppléant], élu parmi les membres ayant voix délibérative de sa commission d’appel d’offres (CGCT L1414-3 I 1°).',
    );
    expect(textOf(composeAssemblyPack(packInput('D', 'groupement')))).toContain('désigné selon ses modalités propres (CGCT L1414-3 I 2°)');
  });

  it('gives a private member a decision of its competent body, not a deliberation (L2113-6 second paragraph)', () => {
    // « … entre un ou plusieurs acheteurs et une ou plusieurs personnes morales de droit privé qui ne sont pas des
    // acheteurs, à condition que chacun des membres du groupement applique, pour les achats réalisés dans le cadre du
    // groupement, les règles prévues par la présente partie. »
    const pack = composeAssemblyPack(packInput('D'));
    const text = textOf(pack);
    expect(pack.parts[1]?.title).toBe('Projet de décision de l’organe compétent');
    expect(text).toContain('Vu les statuts de Transports Meyer SARL ;');
    expect(text).toContain(
      'S’engage à appliquer, pour les achats réalisés dans le cadre du groupement, les règles du Code de la commande publique (article L2113-6 du Code de la commande publique).',
    );
    expect(text).toContain('Autorise son représentant légal à signer');
    expect(text).not.toContain('Après en avoir délibéré');
    // D's own figures: 30 t at 105 €/t, 3 000 € a year, maximum 14 400 €; not B's 12 000 €.
    expect(text).toContain('Sel de déneigement | 30 tonne | 105 € HT | 3 000 € HT');
    expect(text).not.toContain('12 000 €');
  });
});
