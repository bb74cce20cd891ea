import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FAMILIES } from '../families/default-families';
import { createFamilyResolver } from '../pooling/family-resolver';
import { normalizeDecpAward } from './normalize-decp-award';
import {
  type DecpContractFacts,
  familyCodeOf,
  isSamePurchase,
  proposeBuyerNeeds,
  proposeDecpNeeds,
  summariseBuyerNeeds,
} from './propose-decp-needs';

function contract(overrides: Partial<DecpContractFacts>): DecpContractFacts {
  return {
    organizationId: 'org-a',
    decpId: 'a|1',
    cpvCode: '30192000',
    amountCents: 1_200_000,
    durationMonths: 12,
    startDate: '2024-01-01',
    ...overrides,
  };
}

describe('proposeDecpNeeds', () => {
  /*
   * The case: one buyer, two successive salt contracts of 1 M€ a year each — 3 M€ over 36 months from
   * 2020-01-01, then 4 M€ over 48 months from 2023-01-01. The first ends 2023-01-01; the second starts then, within
   * 6 months of that end: it renews it. One recurring need of 1 M€ a year (4 M€ × 12 / 48), at the salt's own code
   * 34927100 (not the class 34920000 « Équipement routier »), both contracts cited, one counted.
   * Before: Σ montant / (dureeMois / 12) over both = 1 M€ + 1 M€ = 2 M€ a year at 34920000.
   */
  it('counts two successive contracts of one purchase as one recurring need, at its own CPV code', () => {
    const needs = proposeDecpNeeds([
      contract({ decpId: 'a|2020', cpvCode: '34927100', amountCents: 300_000_000, durationMonths: 36, startDate: '2020-01-01' }),
      contract({ decpId: 'a|2023', cpvCode: '34927100', amountCents: 400_000_000, durationMonths: 48, startDate: '2023-01-01' }),
    ]);
    expect(needs).toEqual([
      {
        organizationId: 'org-a',
        cpvCode: '34927100',
        annualAmountCents: 100_000_000,
        sourceRef: 'a|2020 a|2023',
        contractCount: 2,
        countedContractCount: 1,
      },
    ]);
    // Named families catch the need at its own code: the salt family, not « Équipement routier ».
    const resolver = createFamilyResolver({ families: DEFAULT_FAMILIES, level: 'class' });
    expect(resolver.families[resolver.resolve('34927100', 'Sel de déneigement')]?.familyId).toBe('fam-salt');
  });

  it('sums concurrent contracts of one purchase (lots) and keeps two purchases of one class apart', () => {
    // Lots of 12 000 € and 6 000 € over 12 months notified three days apart: 18 000 € a year at 30192000;
    // paper bought at the same time in the same class 3019: 2 400 € over 24 months = 1 200 € a year at 30197630.
    const needs = proposeDecpNeeds([
      contract({ decpId: 'a|lot1', amountCents: 1_200_000, startDate: '2024-01-18' }),
      contract({ decpId: 'a|lot2', amountCents: 600_000, startDate: '2024-01-21' }),
      contract({ decpId: 'a|paper', cpvCode: '30197630', amountCents: 240_000, durationMonths: 24, startDate: '2024-02-01' }),
    ]);
    expect(needs.map((n) => [n.cpvCode, n.annualAmountCents, n.sourceRef])).toEqual([
      ['30192000', 1_800_000, 'a|lot1 a|lot2'],
      ['30197630', 120_000, 'a|paper'],
    ]);
  });

  it('places an undated record in no chain: it neither renews a contract nor is renewed', () => {
    // Dated 2020–2023 (1 200 € over 12 months) and an undated record (stand-in start, 2 400 € over 24 months):
    // both counted, 1 200 + 1 200 = 2 400 € a year.
    const needs = proposeDecpNeeds([
      contract({ decpId: 'a|dated', amountCents: 120_000, startDate: '2020-01-01' }),
      contract({ decpId: 'a|undated', amountCents: 240_000, durationMonths: 24, startDate: null }),
    ]);
    expect(needs.map((n) => [n.annualAmountCents, n.countedContractCount])).toEqual([[240_000, 2]]);
  });

  it('takes one year from the latest contract stating an amount when the current one states none', () => {
    // 2022: 2 400 € over 24 months; 2024 renewal published without amount → 1 200 € a year, both cited.
    const needs = proposeDecpNeeds([
      contract({ decpId: 'a|old', amountCents: 240_000, durationMonths: 24, startDate: '2022-01-01' }),
      contract({ decpId: 'a|new', amountCents: null, durationMonths: 24, startDate: '2024-01-01' }),
    ]);
    expect(needs.map((n) => [n.annualAmountCents, n.sourceRef, n.countedContractCount])).toEqual([[120_000, 'a|new a|old', 1]]);
  });

  /*
   * Real records of the commune of Croix (SIRET 21590163800019, marches-securises.fr, 2019–2021): cleaning products
   * bought in six lots on 2019-07-15 for 24 months (CPV 39830000: 30 000 + 6 000 + 104 000 + 8 000 + 20 000 +
   * 30 000 = 198 000 €; five without an id, kept under a generated « SANS-ID-… » one), renewed on 2021-11-08 for
   * 24 months under the covering code 39800000 in six lots (the 110 000 € lot 202108000000000B is published twice;
   * the import keeps one per id): 6 000 + 8 000 + 10 000 + 30 000 + 110 000 + 24 000 = 188 000 €.
   * The 2019 lots end 2021-07-15, before the renewal: one need of 188 000 € × 12 / 24 = 94 000 € a year at
   * 39800000, citing the twelve contracts, six counted. The rule before gave two needs by class: 99 000 € a year at
   * 39830000 (198 000 × 12 / 24) and 94 000 € at 39800000, 193 000 € in all.
   */
  it('reads the real renewal of cleaning products at Croix as one need of the current lots', () => {
    const file = '/work/shared/data/decp-more-real/moreymat_decp_21590163800019_2019-01-01_2021-12-31.json';
    const { marches } = JSON.parse(readFileSync(file, 'utf8')) as { marches: unknown[] };
    const facts = new Map<string, DecpContractFacts>();
    for (const raw of marches) {
      const result = normalizeDecpAward(raw);
      // The import keeps one award per natural key (buyer|id).
      if (!result.ok || !['39830000', '39800000'].includes(result.award.cpvCode) || facts.has(result.award.key)) continue;
      facts.set(result.award.key, {
        organizationId: result.award.buyer.siret,
        decpId: result.award.id,
        cpvCode: result.award.cpvCode,
        amountCents: result.award.amountCents,
        durationMonths: result.award.durationMonths,
        startDate: result.award.startDate,
      });
    }
    expect(facts.size).toBe(12);
    const needs = proposeDecpNeeds([...facts.values()]);
    expect(needs.map((n) => [n.organizationId, n.cpvCode, n.annualAmountCents, n.contractCount, n.countedContractCount])).toEqual([
      ['21590163800019', '39800000', 9_400_000, 12, 6],
    ]);
    expect(needs[0]?.sourceRef.split(' ')).toEqual([...facts.values()].map((f) => f.decpId).sort());
  });

  it('groups by another level when asked', () => {
    const needs = proposeDecpNeeds([contract({ cpvCode: '30192000' }), contract({ decpId: 'a|2', cpvCode: '30197630' })], {
      familyLevel: 'category',
    });
    expect(needs.map((n) => n.cpvCode)).toEqual(['30192000', '30197630']);
  });

  it('cites each contract once, never proposes more than the naive sum, and equals it when every contract is current (property)', () => {
    const arbitraryContract = fc.record({
      organizationId: fc.constantFrom('o1', 'o2'),
      decpId: fc.uuid(),
      cpvCode: fc.constantFrom('30192000', '30197630', '34927100', '34920000', '09132100', '45233220', '39800000', '39830000'),
      amountCents: fc.option(fc.integer({ min: 1, max: 1_000_000_000 }), { nil: null }),
      durationMonths: fc.integer({ min: 1, max: 96 }),
      startDate: fc.constantFrom('2019-01-01', '2020-06-15', '2022-03-01', '2024-09-30'),
    });
    fc.assert(
      fc.property(fc.array(arbitraryContract, { maxLength: 30 }), (contracts) => {
        const needs = proposeDecpNeeds(contracts);
        const cited = needs.flatMap((n) => n.sourceRef.split(' '));
        expect(new Set(cited).size).toBe(cited.length);
        const naive = contracts.reduce((sum, c) => sum + (c.amountCents === null ? 0 : (c.amountCents * 12) / c.durationMonths), 0);
        const total = needs.reduce((sum, n) => sum + n.annualAmountCents, 0);
        expect(total).toBeLessThanOrEqual(naive + needs.length);
        const sameDay = contracts.map((c) => ({ ...c, startDate: '2024-01-01' }));
        const allCurrent = proposeDecpNeeds(sameDay).reduce((sum, n) => sum + n.annualAmountCents, 0);
        const withAmount = sameDay.filter((c) => c.amountCents !== null);
        const naiveSameDay = withAmount.reduce((sum, c) => sum + ((c.amountCents ?? 0) * 12) / c.durationMonths, 0);
        expect(Math.abs(allCurrent - naiveSameDay)).toBeLessThanOrEqual(contracts.length);
      }),
    );
  });

  it('summarises for the observatory exactly what it proposes to one buyer: code, amount, DECP ids counted once (property)', () => {
    // Group-level codes (3 digits) cover the classes under them; repeated ids (0–9) and undated records exercise the dedup and the chains.
    const arbitraryContract = fc.record({
      decpId: fc.nat({ max: 9 }).map(String),
      cpvCode: fc.constantFrom('30192000', '30197630', '30190000', '30100000', '34927100', '34920000', '45233220', '45200000'),
      amountCents: fc.option(fc.integer({ min: 1, max: 1_000_000_000 }), { nil: null }),
      durationMonths: fc.integer({ min: 0, max: 96 }),
      startDate: fc.constantFrom(null, '2019-01-31', '2020-06-15', '2022-03-01', '2024-09-30'),
    });
    fc.assert(
      fc.property(fc.array(arbitraryContract, { maxLength: 30 }), (contracts) => {
        const summaries: [string, number, number][] = [];
        summariseBuyerNeeds(contracts, (cpvCode, annualAmountCents, contractCount) =>
          summaries.push([cpvCode, annualAmountCents, contractCount]),
        );
        const proposed = proposeBuyerNeeds('o1', contracts).map((n) => [n.cpvCode, n.annualAmountCents, n.sourceRef.split(' ').length]);
        expect(summaries).toEqual(proposed);
      }),
    );
  });
});

describe('isSamePurchase', () => {
  it.each([
    ['34927100', '34920000', true],
    ['39830000', '39800000', true],
    ['30192000', '30197630', true],
    ['30192000', '34927100', false],
    // A division code is too broad to say « same purchase ».
    ['45233220', '45000000', false],
  ])('%s and %s → %s', (a, b, expected) => {
    expect(isSamePurchase(a, b)).toBe(expected);
  });
});

describe('familyCodeOf', () => {
  it('falls back to the nearest existing ancestor when the class has no code', () => {
    expect(familyCodeOf('34927100', 'class')).toBe('34920000');
    expect(familyCodeOf('03111000', 'class')).toBe('03110000');
  });
});
