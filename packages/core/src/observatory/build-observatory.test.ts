import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSiret } from '../identity/siret';
import { applyObservatoryDelta } from './apply-observatory-delta';
import { buildObservatory } from './build-observatory';
import { explainObservatoryOpportunity } from './explain-observatory-opportunity';
import type { BuyerContracts, Observatory, ObservatoryContract } from './observatory';

const siret = (siren: string, nic = '0010') => buildSiret(siren, nic);
const buyer = (siren: string, departementCode: string, nic = '0010') => ({
  siret: siret(siren, nic),
  name: `Acheteur ${siren}-${nic}`,
  departementCode,
});

// Bas-Rhin: a commune and its CCAS (two SIRENs) insure themselves, the commune also has a second
// establishment (same SIREN); a département builds roads. Haut-Rhin: one insured commune, alone.
let nextId = 0;
/** A published contract notified on `startDate` (all on the same day unless said: no chain of renewals). */
const contract = (
  cpvCode: string,
  amountCents: number | null,
  durationMonths: number,
  startDate: string | null = '2024-01-01',
): ObservatoryContract => {
  nextId += 1;
  return { decpId: `2024-${nextId}`, cpvCode, amountCents, durationMonths, startDate };
};

const strasbourg = buyer('21670482', '67');
const strasbourgCcas = buyer('26670048', '67');
const strasbourgSite2 = buyer('21670482', '67', '0028');
const colmar = buyer('21680066', '68');
const departement67 = buyer('22670001', '67');

const data: BuyerContracts[] = [
  // 120 000 € over 48 months → 30 000 €/year; 24 000 € over 12 months → 24 000 €/year.
  {
    buyer: strasbourg,
    contracts: [contract('66516400', 12_000_000, 48), contract('45233140', 60_000_000, 12)],
  },
  { buyer: strasbourgSite2, contracts: [contract('66510000', 2_400_000, 12)] },
  // 36 000 € over 36 months → 12 000 €/year; a contract without amount counts for nothing.
  {
    buyer: strasbourgCcas,
    contracts: [contract('66512000', 3_600_000, 36), contract('66512000', null, 12)],
  },
  { buyer: colmar, contracts: [contract('66516400', 1_000_000, 12)] },
  { buyer: departement67, contracts: [contract('45233140', 120_000_000, 24)] },
];

describe('buildObservatory', () => {
  const observatory = buildObservatory(data);

  it('pools the insurance of two SIRENs of the Bas-Rhin, by annualised amounts', () => {
    // 30 000 + 24 000 + 12 000 = 66 000 €/year, 3 establishments, 2 SIRENs; 4 contracts: the CCAS's
    // contract without an amount, current beside the counted one, is listed as evidence (as `proposeDecpNeeds`).
    const [insurance] = observatory.ranked.get('67') ?? [];
    expect(insurance).toMatchObject({
      id: '66510000@67',
      family: { code: '66510000', label: "Services d'assurance" },
      annualAmountCents: 6_600_000,
      buyerCount: 2,
      contractCount: 4,
      poolability: { tier: 'proven', isRare: false },
    });
    expect(insurance?.members.map((m) => [m.siret, m.annualAmountCents])).toEqual([
      [strasbourg.siret, 3_000_000],
      [strasbourgSite2.siret, 2_400_000],
      [strasbourgCcas.siret, 1_200_000],
    ]);
    expect(insurance && explainObservatoryOpportunity(insurance)).toMatch(
      /^2 acheteurs publics distincts \(SIREN\) situés dans le département du Bas-Rhin ont publié 4 marchés /,
    );
    // Marchés below the publication threshold are not in the DECP (R2196-1): said with every opportunity.
    expect(insurance && explainObservatoryOpportunity(insurance)).toContain(
      'ne publient que les marchés de 40 000 € HT et plus (art. R2196-1 ; 25 000 € HT pour les marchés notifiés avant le 1er janvier 2020)',
    );
  });

  it('ranks the roads of two buyers after it, rarely pooled, though larger', () => {
    // Roads: 600 000 €/year (Strasbourg) + 600 000 €/year (département) = 1 200 000 €.
    expect(observatory.ranked.get('67')?.map((o) => [o.id, o.poolability.tier, o.annualAmountCents])).toEqual([
      ['66510000@67', 'proven', 6_600_000],
      ['45230000@67', 'rare', 120_000_000],
    ]);
  });

  it('finds nothing for a buyer alone in its département', () => {
    expect(observatory.ranked.has('68')).toBe(false);
    // Strasbourg 2 + its second site 1 + CCAS 2 + Colmar 1 + département 1.
    expect(observatory.contractCount).toBe(7);
  });
});

describe('buildObservatory over successive and undated contracts', () => {
  // Haut-Rhin. Colmar insured itself from 2021-01-01 for 48 months (40 000 €: 10 000 €/year), then
  // re-tendered: notified 2024-10-01, 3 months before the first one ends (within the 6 months of
  // SUCCESSOR_OVERLAP_MONTHS), 36 months for 45 000 € (15 000 €/year): one purchase, counted once.
  // Mulhouse: a dated contract of 2020 (12 months, 10 000 €) and an undated one (12 months,
  // 12 000 €) under the covering code 66510000: undated, it renews nothing, both count.
  const colmarChain = [contract('66516400', 4_000_000, 48, '2021-01-01'), contract('66516400', 4_500_000, 36, '2024-10-01')];
  const mulhouse = buyer('21680224', '68');
  const mulhouseContracts = [contract('66516400', 1_000_000, 12, '2020-01-01'), contract('66510000', 1_200_000, 12, null)];
  const observatory = buildObservatory([
    { buyer: colmar, contracts: colmarChain },
    { buyer: mulhouse, contracts: mulhouseContracts },
  ]);

  it('counts a chain of two successive contracts once, at the current one’s yearly amount', () => {
    const [insurance] = observatory.ranked.get('68') ?? [];
    // Colmar 15 000 (not 10 000 + 15 000) + Mulhouse 10 000 + 12 000 = 37 000 €/year; 4 contracts published.
    expect(insurance?.members.map((m) => [m.siret, m.annualAmountCents, m.contractCount])).toEqual([
      [mulhouse.siret, 2_200_000, 2],
      [colmar.siret, 1_500_000, 2],
    ]);
    expect([insurance?.annualAmountCents, insurance?.contractCount]).toEqual([3_700_000, 4]);
  });

  it('does not let an undated contract renew a dated one', () => {
    // Dated 2020-12-01 instead (1 month before the 2020 contract ends), it would supersede it: 12 000 € alone.
    const dated = buildObservatory([
      { buyer: colmar, contracts: colmarChain },
      {
        buyer: mulhouse,
        contracts: [
          mulhouseContracts[0] as ObservatoryContract,
          { ...(mulhouseContracts[1] as ObservatoryContract), startDate: '2020-12-01' },
        ],
      },
    ]);
    expect(dated.ranked.get('68')?.[0]?.members.find((m) => m.siret === mulhouse.siret)?.annualAmountCents).toBe(1_200_000);
  });
});

describe('applyObservatoryDelta', () => {
  it('updates the touched département and leaves the source unchanged', () => {
    const before = buildObservatory(data);
    const snapshot = structuredClone(before);
    // A second Haut-Rhin commune publishes an insurance contract: Colmar is no longer alone.
    const after = applyObservatoryDelta(before, [{ buyer: buyer('21680224', '68'), contracts: [contract('66516000', 500_000, 6)] }]);
    expect(after.ranked.get('68')?.map((o) => [o.id, o.annualAmountCents])).toEqual([['66510000@68', 1_000_000 + 1_000_000]]);
    expect(after.ranked.get('67')).toBe(before.ranked.get('67'));
    expect(before).toEqual(snapshot);
  });

  it('drops a buyer whose contracts are all gone', () => {
    const after = applyObservatoryDelta(buildObservatory(data), [{ buyer: departement67, contracts: [] }]);
    expect(after.ranked.get('67')?.map((o) => o.id)).toEqual(['66510000@67']);
    expect(after.buyers.has(departement67.siret)).toBe(false);
  });
});

const buyerArb = fc.record({
  siren: fc.constantFrom('21000001', '21000002', '21000003', '26000004'),
  nic: fc.constantFrom('0010', '0028'),
  dep: fc.constantFrom('67', '68', ''),
  name: fc.constantFrom('', ' (renommé)'),
});
const contractArb = fc.record({
  decpId: fc.nat({ max: 50 }).map(String),
  // Classes, a group that covers classes of its own ('66500000', '45200000') and a division alone ('45000000').
  cpvCode: fc.constantFrom('66516400', '66510000', '45233140', '30192000', '34110000', '66500000', '45200000', '45000000'),
  amountCents: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }),
  durationMonths: fc.integer({ min: 0, max: 60 }),
  startDate: fc.constantFrom(null, '2020-01-01', '2022-06-01', '2024-01-01'),
});
const datasetArb = fc.uniqueArray(fc.record({ b: buyerArb, contracts: fc.array(contractArb, { maxLength: 4 }) }), {
  selector: (e) => `${e.b.siren}${e.b.nic}`,
  maxLength: 8,
});

const toEntries = (
  rows: { b: { siren: string; nic: string; dep: string; name: string }; contracts: BuyerContracts['contracts'] }[],
): BuyerContracts[] =>
  rows.map((r) => {
    const b = buyer(r.b.siren, r.b.dep, r.b.nic);
    return { buyer: { ...b, name: `${b.name}${r.b.name}` }, contracts: r.contracts };
  });

/** What a comparison should see: plain, order-free values. */
const view = (o: Observatory) => ({
  ranked: Object.fromEntries([...o.ranked.entries()].sort()),
  buyers: [...o.buyers.keys()].sort(),
  contractCount: o.contractCount,
});

describe('applyObservatoryDelta invariants', () => {
  it('gives what a full rebuild over the updated data gives', () => {
    fc.assert(
      fc.property(datasetArb, datasetArb, (base, changes) => {
        const baseEntries = toEntries(base);
        const changed = toEntries(changes);
        const finalData = new Map(baseEntries.map((e) => [e.buyer.siret, e]));
        for (const e of changed) finalData.set(e.buyer.siret, e);
        expect(view(applyObservatoryDelta(buildObservatory(baseEntries), changed))).toEqual(view(buildObservatory(finalData.values())));
      }),
    );
  });

  it('gives what a full rebuild gives when buyers only gain contracts (their other families untouched)', () => {
    fc.assert(
      fc.property(datasetArb, fc.array(fc.tuple(fc.nat(), contractArb), { maxLength: 4 }), (base, additions) => {
        const baseEntries = toEntries(base);
        const finalData = new Map(baseEntries.map((e) => [e.buyer.siret, e]));
        const changed: BuyerContracts[] = [];
        for (const [i, contract] of additions) {
          const entry = baseEntries[i % Math.max(1, baseEntries.length)];
          if (entry === undefined) continue;
          const grown = { buyer: entry.buyer, contracts: [...(finalData.get(entry.buyer.siret)?.contracts ?? []), contract] };
          finalData.set(entry.buyer.siret, grown);
          changed.push(grown);
        }
        expect(view(applyObservatoryDelta(buildObservatory(baseEntries), changed))).toEqual(view(buildObservatory(finalData.values())));
      }),
    );
  });

  it('gives what a full rebuild gives when only the contracts of some CPV divisions are handed over', () => {
    const divisionsArb = fc.subarray(['66', '45', '30', '34']);
    const changeArb = fc.record({
      at: fc.nat(),
      divisions: divisionsArb,
      contracts: fc.array(contractArb, { maxLength: 4 }),
      dep: fc.constantFrom('67', '68', ''),
      name: fc.constantFrom('', ' (renommé)'),
    });
    fc.assert(
      fc.property(datasetArb, fc.array(changeArb, { maxLength: 4 }), (base, changes) => {
        const baseEntries = toEntries(base);
        const finalData = new Map(baseEntries.map((e) => [e.buyer.siret, e]));
        const delta: BuyerContracts[] = [];
        for (const change of changes) {
          const entry = baseEntries[change.at % Math.max(1, baseEntries.length)];
          if (entry === undefined) continue;
          const isGiven = (c: ObservatoryContract) => change.divisions.includes(c.cpvCode.slice(0, 2));
          // The buyer's contracts of the given divisions are replaced (some of them may be renamed or moved too); the others stay.
          const given = change.contracts.filter(isGiven);
          const current = finalData.get(entry.buyer.siret) as BuyerContracts;
          const next = {
            buyer: { ...entry.buyer, name: `${entry.buyer.name}${change.name}`, departementCode: change.dep },
            contracts: [...current.contracts.filter((c) => !isGiven(c)), ...given],
          };
          finalData.set(entry.buyer.siret, next);
          delta.push({ buyer: next.buyer, contracts: given, divisions: change.divisions });
        }
        expect(view(applyObservatoryDelta(buildObservatory(baseEntries), delta))).toEqual(view(buildObservatory(finalData.values())));
      }),
      { numRuns: 500 },
    );
  });
});
