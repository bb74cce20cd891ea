import { describe, expect, it } from 'vitest';
import { findPoolingEvidence, POOLING_EVIDENCE_SOURCE, POOLING_RATE_BY_NATURE } from './pooling-evidence';

/**
 * Expected counts recounted independently in Python (json, csv, re, unicodedata; no code shared with
 * scripts/build-pooling-evidence.mjs) over the same six files of /work/shared/data (the dev split
 * of decp-2019-colinmaudry-decp-json, and decp-more-real): test records, concessions and repeated
 * buyer|id dropped; a code absent from cpv_2008_fr.csv mapped through cpv2003_to_cpv2008_rcpv.csv;
 * class = first 4 digits; object folded and matched on "groupement(s) (de|d') commande(s)",
 * "groupement(s) d'achat(s)", "groupement constitu…". Totals: 8,074 contracts, 75 groupement ones;
 * works (45, 90.65, 90.66): 2,870 and 2. Per class: contracts, groupement contracts, buyer SIRENs:
 *   6651 → 295, 22, 7;  4523 → 309, 1, 1;  3983 → 56, 14, 1;  8050 → 17, 10, 1;  9091 → 144, 0, 0;
 *   7981 → 48, 4, 1 and 7911 → 46, 1, 1, the same SIREN 216600379 in both.
 * Procedures: the 22 insurance contracts are the lots of 7 procedures, one per buyer (Chevilly-Larue,
 * Roubaix, Petit-Quevilly, Vallées du Haut-Anjou, Francheville, L'Isle-sur-la-Sorgue, a Ville + CCAS);
 * the 14 cleaning-product contracts are the lots of the one Pays de la Loire hospitals' groupement.
 */
describe('findPoolingEvidence', () => {
  it('counts the insurance contracts passed for a groupement de commandes', () => {
    expect(findPoolingEvidence(['66516400', '66510000'])).toMatchObject({
      classCodes: ['66510000'],
      contracts: 295,
      groupementContracts: 22,
      groupementProcedures: 7,
      groupementBuyers: 7,
    });
  });

  it('adds the classes of several codes', () => {
    const evidence = findPoolingEvidence(['39831200', '80500000', '90911200']);
    expect(evidence).toMatchObject({
      contracts: 56 + 17 + 144,
      groupementContracts: 14 + 10,
      groupementProcedures: 2,
      groupementBuyers: 2,
    });
    expect(evidence.examples).toHaveLength(2);
    expect(evidence.examples[0]).toMatch(/groupement de commandes régional des Pays de Loire/);
  });

  it('counts once a buyer that pooled in two classes (Canet-en-Roussillon: printing, legal services)', () => {
    expect(findPoolingEvidence(['79810000', '79110000'])).toMatchObject({
      contracts: 48 + 46,
      groupementProcedures: 2,
      groupementBuyers: 1,
    });
  });

  it('finds the one road-works groupement among 309 contracts', () => {
    expect(findPoolingEvidence(['45233140'])).toMatchObject({ contracts: 309, groupementContracts: 1, groupementProcedures: 1 });
  });

  it('quotes its examples with the accents lost at publication restored where one spelling dominates', () => {
    // Published « … CAF et Unions Immobili\uFFFDres de PACA … » (class 7971) and « ACCORD-CADRE \uFFFD BONS DE COMMANDE … »
    // (class 4523): « immobilières » and « à » are the only spellings of the CPV labels and place names that fit.
    expect(findPoolingEvidence(['79710000']).examples[0]).toContain('CAF et Unions Immobilières de PACA');
    expect(findPoolingEvidence(['45233140']).examples[0]).toMatch(/^ACCORD-CADRE À BONS DE COMMANDE/);
    // « d\uFFFDm\uFFFDnagement » has no spelling there: kept as published, the other word repaired (class 3913).
    expect(findPoolingEvidence(['39130000']).examples[0]).toContain(
      'prestations de d\uFFFDm\uFFFDnagement pour les services des Départements',
    );
  });

  it('finds nothing for a class absent from the reference data', () => {
    expect(findPoolingEvidence(['03311000'])).toEqual({
      classCodes: ['03310000'],
      contracts: 0,
      groupementContracts: 0,
      groupementProcedures: 0,
      groupementBuyers: 0,
      examples: [],
    });
  });

  it('shows works pooled far less often than recurring supplies and services', () => {
    const { supply, service, works, intellectual } = POOLING_RATE_BY_NATURE;
    expect(POOLING_EVIDENCE_SOURCE.contracts).toBe(8_074);
    expect(works).toEqual({ contracts: 2_870, groupementContracts: 2 });
    expect(intellectual.groupementContracts).toBe(0);
    expect(supply.groupementContracts / supply.contracts).toBeGreaterThan(10 * (works.groupementContracts / works.contracts));
    expect(service.groupementContracts / service.contracts).toBeGreaterThan(10 * (works.groupementContracts / works.contracts));
  });
});
