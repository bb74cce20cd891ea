import { describe, expect, it } from 'vitest';
import { explainUrgency } from '../procedure/explain-urgency';
import { assessPrerequisites } from './assess-prerequisites';
import { buildAuthorisationChecklist } from './build-authorisation-checklist';
import { prerequisitesOfProduct } from './product-prerequisites';
import { JOINT_BID_RULE_FR, proposeJointBids } from './propose-joint-bids';

const GEL = prerequisitesOfProduct('33741300');
const RECIPE = {
  label: 'Gel',
  competences: [
    { code: 'formulation-liquides', weight: 2 },
    { code: 'laboratoire-controle-qualite', weight: 1 },
    { code: 'reglementation-biocides', weight: 1 },
  ],
};

describe('blocking prerequisites of a biocidal hand rub', () => {
  // Règlement (UE) n° 528/2012: a TP1 biocidal product is declared before it is placed on the French market;
  // ICPE rubric 4331 covers the storage of flammable liquids of category 2 or 3 (ethanol).
  it('lists the biocide declaration, batch quality control and ICPE storage, and nothing for salt', () => {
    expect(GEL.map((p) => p.code)).toEqual(['biocide-declaration', 'quality-control', 'icpe-flammable-storage']);
    expect(GEL[0]?.article).toContain('Règlement (UE) n° 528/2012');
    expect(GEL[2]?.article).toContain('rubrique 4331');
    expect(prerequisitesOfProduct('34927100')).toEqual([]);
  });

  it('blocks a firm missing one of them whatever its competences', () => {
    const polishMaker = ['formulation-liquides', 'stockage-inflammables'];
    expect(assessPrerequisites(GEL, polishMaker).missing.map((p) => p.code)).toEqual(['biocide-declaration', 'quality-control']);
    expect(assessPrerequisites(GEL, [...polishMaker, 'reglementation-biocides', 'laboratoire-controle-qualite']).missing).toEqual([]);
  });
});

describe('joint bids (R2142-19 to R2142-25)', () => {
  it('pairs the polish maker with the laboratory that covers what it lacks, and quotes the rule', () => {
    const proposals = proposeJointBids({
      recipe: RECIPE,
      prerequisites: GEL,
      leads: [{ id: 'polish', name: 'Cirages', competences: ['formulation-liquides', 'stockage-inflammables'] }],
      firms: [
        { id: 'lab', name: 'Laboratoire', competences: ['laboratoire-controle-qualite', 'reglementation-biocides'] },
        { id: 'distiller', name: 'Distillerie', competences: ['laboratoire-controle-qualite', 'stockage-inflammables'] },
      ],
      labelOf: (c) => c,
    });
    expect(proposals.map((p) => [p.leadId, p.partnerIds, p.coveredCount, p.competenceCount])).toEqual([['polish', ['lab'], 3, 3]]);
    expect(proposals[0]?.explanation).toContain(JOINT_BID_RULE_FR);
    expect(JOINT_BID_RULE_FR).toContain('les capacités du groupement sont appréciées globalement (R2142-25)');
  });

  it('proposes nothing when no single partner completes the lead', () => {
    const proposals = proposeJointBids({
      recipe: RECIPE,
      prerequisites: GEL,
      leads: [{ id: 'polish', name: 'Cirages', competences: ['formulation-liquides'] }],
      firms: [{ id: 'lab', name: 'Laboratoire', competences: ['laboratoire-controle-qualite', 'reglementation-biocides'] }],
      labelOf: (c) => c,
    });
    // The ICPE storage is still missing after the laboratory joins: one partner is the maximum.
    expect(proposals).toEqual([]);
  });
});

describe('authorisations checklist', () => {
  it('dates each step back from the start of execution by its usual delay', () => {
    const items = buildAuthorisationChecklist({
      prerequisites: GEL,
      firms: [
        { name: 'Cirages', competences: ['stockage-inflammables'] },
        { name: 'Laboratoire', competences: ['laboratoire-controle-qualite', 'reglementation-biocides'] },
      ],
      targetDate: '2028-03-01',
      now: '2026-12-06',
    });
    // 2028-03-01 − 90 days = 2027-12-02 (2028 is a leap year: 29 days in February);
    // − 30 days = 2028-01-31; − 150 days = 2027-10-03.
    expect(items.map((i) => [i.code, i.status, i.deadline, i.heldBy])).toEqual([
      ['biocide-declaration', 'to_obtain', '2027-12-02', ['Laboratoire']],
      ['quality-control', 'held', '2028-01-31', ['Laboratoire']],
      ['icpe-flammable-storage', 'held', '2027-10-03', ['Cirages']],
    ]);
    expect(items[0]?.authority).toContain('Simmbad');
    expect(items.some((i) => i.isLate)).toBe(false);
    const late = buildAuthorisationChecklist({ prerequisites: GEL, firms: [], targetDate: '2027-01-01', now: '2026-12-06' });
    // 2027-01-01 − 90 days = 2026-10-03, already past on 6 December 2026.
    expect(late[0]).toMatchObject({ deadline: '2026-10-03', isLate: true });
  });
});

describe('urgence impérieuse (R2122-1)', () => {
  // R2122-1: « lorsqu’une urgence impérieuse résultant de circonstances extérieures et qu’il ne pouvait pas
  // prévoir ne permet pas de respecter les délais minimaux exigés par les procédures formalisées » ; « Le
  // marché est limité aux prestations strictement nécessaires pour faire face à la situation d’urgence. »
  it('states the cumulative conditions and keeps the recurring pooled volume out', () => {
    const u = explainUrgency({ label: 'Gel hydro-alcoolique', isRecurring: true, annualQuantityText: '32 000 L' });
    expect(u.articleText).toContain('circonstances extérieures et qu’il ne pouvait pas prévoir');
    expect(u.articleText).toContain('strictement nécessaires');
    expect(u.conditions).toHaveLength(4);
    expect(u.doesNotApply[1]).toContain('le besoin récurrent recensé « Gel hydro-alcoolique » (32 000 L par an)');
    expect(u.alternatives[0]).toContain('R2161-3');
  });
});
