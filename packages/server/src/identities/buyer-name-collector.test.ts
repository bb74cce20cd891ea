import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BuyerNameCollector } from './buyer-name-collector';

/**
 * The rule written the plain way, as an independent derivation: per SIRET a map of trimmed names
 * to counts in the order first met, empty names not counted (the buyer still noted), at most 20
 * distinct names (a new one beyond is dropped, the counted ones still count).
 */
function plainTally(buyers: readonly { siret: string; name: string | null }[]): Map<string, Map<string, number>> {
  const bySiret = new Map<string, Map<string, number>>();
  for (const buyer of buyers) {
    const names = bySiret.get(buyer.siret) ?? new Map<string, number>();
    bySiret.set(buyer.siret, names);
    const name = buyer.name?.trim() ?? '';
    if (name === '' || (!names.has(name) && names.size >= 20)) continue;
    names.set(name, (names.get(name) ?? 0) + 1);
  }
  return bySiret;
}

function collected(buyers: readonly { siret: string; name: string | null }[]): Map<string, Map<string, number>> {
  const collector = new BuyerNameCollector();
  for (const buyer of buyers) collector.add(buyer);
  return new Map([...collector.bySiret.keys()].map((siret) => [siret, new Map(collector.bySiret.get(siret))]));
}

describe('BuyerNameCollector', () => {
  it('counts names per SIRET in the order first met, a nameless buyer noted with none', () => {
    const tally = collected([
      { siret: 'A', name: null },
      { siret: 'B', name: 'Ville de Metz ' },
      { siret: 'A', name: ' ' },
      { siret: 'B', name: 'VILLE DE METZ' },
      { siret: 'B', name: 'Ville de Metz' },
      { siret: 'A', name: 'Département de l’Indre' },
    ]);
    // By hand: A publishes no name twice, then one name; B publishes "Ville de Metz" twice (trimmed) and the capitals once.
    expect([...tally]).toEqual([
      ['A', new Map([['Département de l’Indre', 1]])],
      [
        'B',
        new Map([
          ['Ville de Metz', 2],
          ['VILLE DE METZ', 1],
        ]),
      ],
    ]);
  });

  it('keeps at most 20 distinct names per SIRET, still counting those kept', () => {
    const buyers = Array.from({ length: 25 }, (_, i) => ({ siret: 'S', name: `Nom ${i}` }));
    buyers.push({ siret: 'S', name: 'Nom 0' }, { siret: 'S', name: 'Nom 24' });
    const names = collected(buyers).get('S');
    expect(names?.size).toBe(20);
    expect(names?.get('Nom 0')).toBe(2);
    expect(names?.has('Nom 24')).toBe(false);
  });

  it('gives what the plain rule gives on any sequence', () => {
    const buyer = fc.record({
      siret: fc.constantFrom('11111111100011', '22222222200022', '33333333300033'),
      name: fc.option(
        fc.constantFrom('', ' ', 'Commune', ' Commune', 'COMMUNE', 'Mairie', ...Array.from({ length: 24 }, (_, i) => `N${i}`)),
      ),
    });
    fc.assert(
      fc.property(fc.array(buyer, { maxLength: 200 }), (buyers) => {
        expect([...collected(buyers)]).toEqual([...plainTally(buyers)]);
      }),
      { numRuns: 500, seed: 20261207 },
    );
  });
});
