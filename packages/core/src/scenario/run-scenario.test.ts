import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error';
import { buildContract, buildInput, buildNeed, buildOrganization } from '../pooling/test-builders';
import type { ScenarioChanges } from './apply-scenario-changes';
import { runScenario, type ScenarioLots } from './run-scenario';

// The salt case of analyse-territory.test.ts: A 20 000 €, B 12 000 €, C 5 500 € a year; D has no salt need.
const organizations = [
  buildOrganization({ id: 'A', name: 'Strasbourg' }),
  buildOrganization({ id: 'B', name: 'Schiltigheim' }),
  buildOrganization({ id: 'C', name: 'Illkirch' }),
  buildOrganization({ id: 'D', name: 'Haguenau' }),
];
const needs = [
  buildNeed({ id: 'nA', organizationId: 'A', annualAmountCents: 2_000_000 }),
  buildNeed({ id: 'nB', organizationId: 'B', annualAmountCents: 1_200_000 }),
  buildNeed({ id: 'nC', organizationId: 'C', annualAmountCents: 550_000 }),
];
const runningContracts = [
  buildContract({ id: 'ca', organizationId: 'A', startDate: '2023-10-01', renewalsUsed: 2 }),
  buildContract({ id: 'cb', organizationId: 'B', startDate: '2024-01-01', renewalsUsed: 1 }),
];
const input = buildInput({ organizations, needs, runningContracts });
const ID = 'cpv:class:34920000@67';
const changes = (c: Partial<ScenarioChanges>): ScenarioChanges => ({ join: [], leave: [], postpone: [], ...c });

describe('runScenario', () => {
  /*
   * Haguenau has no salt need; the facilitator enters 10 000 € a year. Value: 47 500 € × 48 months / 12 × 1,2 =
   * 228 000 € ≥ 216 000 € → formalised (was 180 000 €, MAPA with publicity). Lead of an appel d'offres:
   * 90 + 15 + 15 + 120 + 30 = 270 days → earliest start 2026-10-12 (was 2026-08-28 with 225 days); A, C and D
   * (35 500 € ≥ half of 47 500 €) can enter then → start 2026-10-12, 11 days later. A (20 000 / 47 500 + 0,5
   * experience + 0,25 for its CAO, needed by an appel d'offres) stays the coordinator.
   */
  it('lets an organization with no recorded need join with an entered amount, and says the threshold is crossed', () => {
    const result = runScenario({
      input,
      opportunityId: ID,
      changes: changes({ join: [{ organizationId: 'D', annualAmountCents: 1_000_000 }] }),
    });
    expect(result.diff).toMatchObject({
      addedMemberIds: ['D'],
      annualAmountCents: 1_000_000,
      estimatedValueCents: 22_800_000 - 18_000_000,
      procedure: { before: 'mapa_publicity', after: 'formalised', isChanged: true },
      startDate: { before: '2026-10-01', after: '2026-10-12', shiftDays: 11 },
      coordinator: { before: 'A', after: 'A', isChanged: false },
    });
    expect(result.scenario?.entries.find((e) => e.organizationId === 'D')?.joinDate).toBe('2026-10-12');
    expect(result.explanation).toEqual([
      'Haguenau rejoint le groupement avec 10 000 € par an (montant saisi pour la simulation).',
      'Montant annuel mutualisé : 37 500 € → 47 500 € (4 membres).',
      'Seuil franchi : la valeur estimée passe de 180 000 € à 228 000 € HT ; elle atteint le seuil de procédure formalisée (216 000 € HT, L2124-1). La procédure devient : procédure formalisée : appel d’offres ouvert (avis BOAMP + JOUE) (au lieu de : marché à procédure adaptée (MAPA) avec avis au BOAMP ou dans un JAL).',
      'Le démarrage passe du 1er octobre 2026 au 12 octobre 2026 (+11 jours) : c’est le plus tôt possible compte tenu des délais de la procédure (procédure formalisée : appel d’offres ouvert (avis BOAMP + JOUE)).',
      'Haguenau entre le 12 octobre 2026 (au démarrage).',
      'Coordonnateur inchangé : Strasbourg.',
    ]);
  });

  it('estimates the entered need’s quantity at the unit price of the group’s largest need', () => {
    // A buys 200 t at 100 €/t: Haguenau's 10 000 € become 100 t, so savings keep counting in tonnes.
    const priced = buildInput({
      organizations,
      runningContracts,
      needs: needs.map((n) => (n.id === 'nA' ? { ...n, quantity: 200, unit: 't', unitPriceCents: 10_000 } : n)),
    });
    const result = runScenario({
      input: priced,
      opportunityId: ID,
      changes: changes({ join: [{ organizationId: 'D', annualAmountCents: 1_000_000 }] }),
    });
    expect(result.explanation[0]).toBe(
      'Haguenau rejoint le groupement avec 10 000 € par an (montant saisi pour la simulation, quantité estimée au prix unitaire de Strasbourg).',
    );
  });

  it('refuses a joiner without a recorded need of the family unless an amount is entered, naming the field', () => {
    const run = () => runScenario({ input, opportunityId: ID, changes: changes({ join: [{ organizationId: 'D' }] }) });
    expect(run).toThrow(DomainError);
    try {
      run();
    } catch (error) {
      expect((error as DomainError).details).toMatchObject({ issues: [{ field: 'join.0.annualAmountCents' }] });
    }
  });

  /*
   * A leaves: B + C = 17 500 € → 84 000 € < 90 000 € → MAPA without compulsory publicity. Lead 210 days → 2026-08-13,
   * but the quorum (8 750 €) is reached only when B can enter, 2027-01-01 (C alone has 5 500 €). B then enters at the
   * start (its contract ends exactly then) and coordinates: 12 000 / 17 500 + 0,5 experience beats C.
   */
  it('moves the start and changes the coordinator when the largest member leaves, and says why', () => {
    const result = runScenario({ input, opportunityId: ID, changes: changes({ leave: ['A'] }) });
    expect(result.diff).toMatchObject({
      removedMemberIds: ['A'],
      annualAmountCents: -2_000_000,
      procedure: { before: 'mapa_publicity', after: 'mapa', isChanged: true },
      startDate: { after: '2027-01-01', shiftDays: 92 },
      coordinator: { before: 'A', after: 'B', isChanged: true },
    });
    expect(result.explanation.slice(3)).toEqual([
      'Le démarrage passe du 1er octobre 2026 au 1er janvier 2027 (+92 jours) : c’est la date à laquelle les membres portant la part requise de la valeur peuvent entrer : Schiltigheim ne peut entrer qu’à cette date.',
      'Le coordonnateur proposé change : Schiltigheim au lieu de Strasbourg, car Strasbourg quitte le groupement.',
    ]);
  });

  it('drops the opportunity when one buyer is left', () => {
    const twoLeft = { ...input, needs: needs.filter((n) => n.organizationId !== 'C') };
    const result = runScenario({ input: twoLeft, opportunityId: ID, changes: changes({ leave: ['B'] }) });
    expect(result.scenario).toBeNull();
    expect(result.explanation.at(-1)).toBe('Il ne reste qu’un acheteur de cette famille dans la zone : plus de groupement possible.');
  });

  it('gives a postponing member its own later entry without moving the start', () => {
    // C postpones 6 months: 2026-08-28 + 6 months = 2027-02-28; A still reaches the quorum on 2026-10-01.
    const result = runScenario({ input, opportunityId: ID, changes: changes({ postpone: [{ organizationId: 'C', months: 6 }] }) });
    expect(result.scenario?.waves.map((w) => [w.date, w.organizationIds])).toEqual([
      ['2026-10-01', ['A']],
      ['2027-01-01', ['B']],
      ['2027-02-28', ['C']],
    ]);
    expect(result.diff.startDate.shiftDays).toBe(0);
    expect(result.explanation).toContain('Illkirch entre le 28 février 2027 (entrée reportée).');
  });

  it('recomputes the lots with the designer it is given and says how they changed', () => {
    // A designer that cuts one lot per need: 3 lots before, 4 with Haguenau.
    const designLots = ({ needs: lotNeeds }: { needs: readonly { id: string }[] }): ScenarioLots => ({
      ok: true,
      lotCount: lotNeeds.length,
      labels: lotNeeds.map((n) => n.id),
      accessibleShare: 0.5,
    });
    const result = runScenario({
      input,
      opportunityId: ID,
      changes: changes({ join: [{ organizationId: 'D', annualAmountCents: 1_000_000 }] }),
      designLots,
    });
    expect(result.base?.lots).toMatchObject({ ok: true, lotCount: 3 });
    expect(result.explanation.at(-1)).toBe(
      'Allotissement recalculé : 4 lots recommandés au lieu de 3 (nA, nB, nC, scenario:D:cpv:class:34920000), 50 % du volume accessible aux entreprises locales.',
    );
  });
});
