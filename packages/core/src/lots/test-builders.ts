import { buildLotSites } from './build-lot-sites';
import type { DemandUnit, LotFirm, LotPosition, LotSite } from './types';

// Test-data builders (STYLE.md). Pure, not exported from index.

/** Approximate positions of the communes the tests use. */
export const TEST_POSITIONS: Record<string, LotPosition> = {
  '16015': [0.156, 45.649], // Angoulême
  '16102': [-0.329, 45.696], // Cognac
  '16070': [0.716, 45.874], // Chabanais
  '67482': [7.75, 48.58], // Strasbourg
  '67180': [7.79, 48.82], // Haguenau
  '68066': [7.36, 48.08], // Colmar
  '68224': [7.34, 47.75], // Mulhouse
};

/** Sites of the given communes with their EPCI and département. */
export function buildTestSites(codes: readonly string[], positions: Record<string, LotPosition> = TEST_POSITIONS): LotSite[] {
  return buildLotSites({ communeCodes: codes, positions }).sites;
}

/** 1 000 L of hand sanitiser at Angoulême for 500 000 cents. */
export function buildDemandUnit(overrides: Partial<DemandUnit> = {}): DemandUnit {
  return { id: 'd1', siteCode: '16015', cpvCode: '33741300', volume: 1000, unit: 'L', amountCents: 500_000, ...overrides };
}

/** A firm at Angoulême delivering within 100 km, with no offer. */
export function buildLotFirm(overrides: Partial<LotFirm> = {}): LotFirm {
  return { id: 'f1', position: [0.156, 45.649], deliveryRadiusKm: 100, offers: [], ...overrides };
}
