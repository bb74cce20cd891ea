import { describe, expect, it } from 'vitest';
import { buildInput, buildNeed, buildOrganization } from '../pooling/test-builders';
import { analyseTerritory } from '../scenario/analyse-territory';

const city1 = buildOrganization({ id: 'C1', name: 'Ville de Colmar', kind: 'commune' });
const city2 = buildOrganization({ id: 'C2', name: 'Ville de Sélestat', kind: 'commune' });
const hospital = buildOrganization({ id: 'H', name: 'Centre hospitalier', kind: 'hospital' });
const departement = buildOrganization({ id: 'D1', name: 'Département', kind: 'departement' });
const bottler = buildOrganization({ id: 'P', name: 'Embouteillage', kind: 'sme' });
const salt = (id: string, organizationId: string, euros: number) => buildNeed({ id, organizationId, annualAmountCents: euros * 100 });
const paper = (id: string, organizationId: string, euros: number) =>
  buildNeed({ id, organizationId, annualAmountCents: euros * 100, cpvCode: '30197630', label: 'Papier' });
/** The opportunity of a CPV class (`cpv:class:34920000` for road salt, `cpv:class:30190000` for paper). */
const opportunityOf = (input: ReturnType<typeof buildInput>, classKey: string) =>
  analyseTerritory(input).opportunities.find((o) => o.family.key === `cpv:class:${classKey}`);

describe('assignCoordinators', () => {
  /*
   * Salt: H 50 %, C1 40 %, C2 10 % (2 of 3 members are communes: L1414-3 applies). At 100 000 € a year the value is
   * 480 000 € ≥ 216 000 € (appel d'offres, which needs a CAO): scores H 0,50, C1 0,40 + 0,25 = 0,65, C2 0,10 + 0,25
   * = 0,35 → C1. At 30 000 € a year (144 000 €, MAPA with publicity) no CAO is needed: H 0,50 beats C1 0,40.
   */
  it.each([
    { euros: [50_000, 40_000, 10_000], procedure: 'formalised', expected: 'C1' },
    { euros: [15_000, 12_000, 3_000], procedure: 'mapa_publicity', expected: 'H' },
  ])('weighs a usable CAO only where the procedure needs one ($procedure → $expected)', ({ euros, procedure, expected }) => {
    const input = buildInput({
      organizations: [hospital, city1, city2],
      needs: [salt('nh', 'H', euros[0] as number), salt('n1', 'C1', euros[1] as number), salt('n2', 'C2', euros[2] as number)],
    });
    const [o] = analyseTerritory(input).opportunities;
    expect(o?.procedure.kind).toBe(procedure);
    expect(o?.coordinator.organizationId).toBe(expected);
    expect(o?.coordinatorProposal.candidates.find((c) => c.organizationId === 'C1')?.hasUsableCao).toBe(procedure === 'formalised');
  });

  /*
   * Salt (D1 80 %, C1 20 %, both with a CAO, formalised): D1 1,05, C1 0,45. Paper (D1 37,5 %, H 62,5 %; one local
   * authority of two, so L1414-3 does not apply): D1 0,375, H 0,625. Both weigh 5. Assignments (max load − Σ score):
   * D1+D1 10 − 1,425 = 8,575; D1+H 5 − 1,675 = 3,325; C1+D1 5 − 0,825 = 4,175; C1+H 5 − 1,075 = 3,925 → D1 salt, H paper.
   */
  it('balances the workload across families and explains what each candidate carries elsewhere', () => {
    const input = buildInput({
      organizations: [departement, city1, hospital],
      needs: [salt('s1', 'D1', 200_000), salt('s2', 'C1', 50_000), paper('p1', 'D1', 60_000), paper('p2', 'H', 100_000)],
    });
    const saltOpportunity = opportunityOf(input, '34920000');
    const paperOpportunity = opportunityOf(input, '30190000');
    expect([saltOpportunity?.coordinator.organizationId, paperOpportunity?.coordinator.organizationId]).toEqual(['D1', 'H']);
    const d1 = paperOpportunity?.coordinatorProposal.candidates.find((c) => c.organizationId === 'D1');
    expect(d1).toMatchObject({ score: 0.375, loadElsewhere: 5, coordinatesElsewhere: [saltOpportunity?.family.label] });
    expect(paperOpportunity?.coordinatorProposal.explanation).toMatch(
      /^Mutualis propose Centre hospitalier : score 0,63 = part 63 % ; ne coordonne aucun autre groupement\. Pondération/,
    );
    expect(paperOpportunity?.tenderCommission).toMatchObject({ isMostlyLocal: false, coordinatorHasCao: false, proposed: 'groupement' });
  });

  /*
   * Salt: P (a private firm, L2113-6 2nd paragraph) 70 %, C1 30 %, MAPA. By share alone P would win (0,70 > 0,30);
   * a private member is not a buyer and has no CAO, so the proposal leaves it out and names C1, saying why.
   */
  it('never proposes a private member as coordinator, and says why', () => {
    const input = buildInput({
      organizations: [bottler, city1],
      needs: [salt('np', 'P', 21_000), salt('n1', 'C1', 9_000)],
    });
    const [o] = analyseTerritory(input).opportunities;
    expect(o?.coordinator.organizationId).toBe('C1');
    const p = o?.coordinatorProposal.candidates.find((c) => c.organizationId === 'P');
    expect(p).toMatchObject({ isEligible: false, score: null });
    expect(p?.ineligibleReason).toMatch(/L2113-6.*pas un acheteur public/);
  });
});
