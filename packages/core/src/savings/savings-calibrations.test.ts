import { describe, expect, it } from 'vitest';
import {
  defaultElasticity,
  GENERAL_CALIBRATION,
  MAX_ELASTICITY,
  resolveSavingsCalibration,
  SAVINGS_CALIBRATIONS,
} from './savings-calibrations';
import { EVIDENCE_SOURCES, evidenceSource } from './savings-evidence';
import { savingsProvenance } from './savings-provenance';

const ALL = [...SAVINGS_CALIBRATIONS, GENERAL_CALIBRATION];

describe('SAVINGS_CALIBRATIONS', () => {
  it('cites only known, dated, published sources, each saying what it measured', () => {
    for (const calibration of ALL) {
      expect(calibration.sourceIds.length, calibration.id).toBeGreaterThan(0);
      for (const id of calibration.sourceIds) expect(() => evidenceSource(id)).not.toThrow();
    }
    for (const source of EVIDENCE_SOURCES) {
      expect(source.url).toMatch(/^https?:\/\//);
      expect(source.finding.length).toBeGreaterThan(20);
      if (source.publishedOn !== null) expect(source.publishedOn).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    }
  });

  it('never cites an internal document or unpublished work', () => {
    const texts = [
      ...ALL.flatMap((c) => [c.rationale, c.benefit ?? '', c.elasticity.provenance]),
      ...EVIDENCE_SOURCES.flatMap((s) => [s.citation, s.finding]),
    ];
    for (const text of texts) expect(text).not.toMatch(/non publié|domain-procurement|savings-evidence\.md|interne/i);
  });

  it('keeps ranges and elasticities ordered, with no price saving in the low scenario', () => {
    for (const { id, range, elasticity, kind, benefit } of ALL) {
      expect(range.low, id).toBe(0);
      expect(range.high, id).toBeGreaterThanOrEqual(range.low);
      expect(range.high, id).toBeLessThanOrEqual(0.15);
      expect(elasticity.low, id).toBe(0);
      expect(elasticity.central, id).toBeLessThanOrEqual(elasticity.high);
      expect(elasticity.high, id).toBeLessThanOrEqual(MAX_ELASTICITY);
      if (kind === 'supply_security') expect(benefit, id).not.toBeNull();
    }
  });

  it('shows paper and salt as zero-gain families (commodity, concentrated supply)', () => {
    expect(SAVINGS_CALIBRATIONS.filter((c) => c.kind === 'supply_security').map((c) => c.id)).toEqual(['salt', 'paper']);
    expect(resolveSavingsCalibration({ familyId: 'fam-paper', cpvCodes: [], label: '' }).range).toEqual({ low: 0, high: 0.02 });
  });

  it.each([
    { familyId: 'fam-salt', codes: [], label: '', expected: 'salt' },
    { familyId: null, codes: ['34927100'], label: 'Équipement routier', expected: 'salt' },
    { familyId: null, codes: ['30197643', '30192000'], label: 'Fournitures', expected: 'paper' },
    { familyId: null, codes: ['30192000'], label: 'Fournitures de bureau', expected: 'office-supplies' },
    { familyId: null, codes: ['18424300'], label: 'Gants jetables', expected: 'ppe' },
    { familyId: null, codes: ['22160000'], label: 'Fascicules', expected: 'printed-matter' },
    { familyId: null, codes: ['33741300'], label: 'Produits désinfectants', expected: 'hand-sanitizer' },
    { familyId: null, codes: ['99999999'], label: 'Livrets de santé', expected: 'printed-matter' },
    { familyId: null, codes: ['45000000'], label: 'Travaux', expected: 'general' },
    { familyId: 'fam-territory-own', codes: ['09310000'], label: 'Électricité des écoles', expected: 'electricity' },
  ])('calibrates $label ($familyId, $codes) as $expected', ({ familyId, codes, label, expected }) => {
    expect(resolveSavingsCalibration({ familyId, cpvCodes: codes, label }).id).toBe(expected);
  });

  it('gives a family without calibration of its own the general elasticity', () => {
    expect(defaultElasticity({ cpvCodes: ['45000000'], label: 'Travaux' })).toEqual(GENERAL_CALIBRATION.elasticity);
  });

  it('lists each cited source with the French name of what it measured', () => {
    const provenance = savingsProvenance(GENERAL_CALIBRATION);
    expect(provenance.sources.map((s) => [s.id, s.measureLabel])).toEqual([
      ['malvy-lambert-2014', 'estimation'],
      ['cour-des-comptes-2024', 'objectif, pas une mesure'],
      ['petersen-jensen-bhatti-2022', 'essai randomisé'],
      ['nao-ccs-2016', 'contrôle d’une juridiction financière'],
    ]);
    expect(provenance).toMatchObject({
      evidenceVersion: 'preuves-economies-2026-12',
      checkedOn: '2026-12-06',
      range: { low: 0, high: 0.15 },
    });
  });
});
