import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getCpv } from '../cpv/cpv-catalog';
import type { DecpAward } from '../decp/decp-award';
import { isDecpAmountEstimable, isDecpContractDated } from '../decp/decp-flag-status';
import { guessBuyerKind } from '../decp/guess-buyer-kind';
import { locateExecutionPlace } from '../decp/locate-execution-place';
import { normalizeDecpAward } from '../decp/normalize-decp-award';
import { proposeDecpNeeds } from '../decp/propose-decp-needs';
import type { Need, Organization } from '../domain/types';
import { DEFAULT_FAMILIES } from '../families/default-families';
import { placeCommune } from '../geo/commune-positions';
import { departementCentroid, getCommune } from '../geo/communes';
import { detectOpportunities } from './detect-opportunities';
import type { Opportunity } from './opportunity';
import type { Position } from './resolve-cells';

/**
 * A territory built from the 8,486 real DECP records of the dev split, as `mutualis import decp`
 * builds it (files in command-line order; first record of a buyer SIRET + id kept; a buyer placed
 * at the first place of execution that locates it; one proposed need per buyer and CPV class,
 * Σ montant × 12 / dureeMois) and analysed as the server analyses it (shipped families, commune
 * points, scope `territory`).
 */
const REAL = '/work/shared/data/decp-2019-colinmaudry-decp-json';
const FILES = ['data.gouv.fr_aife', 'data.gouv.fr_pes', 'e-marchespublics', 'marches-publics.info'];

function buildTerritoryFromDevSplit(): { organizations: Organization[]; needs: Need[]; positions: Record<string, Position> } {
  const awards: DecpAward[] = [];
  const keys = new Set<string>();
  for (const file of FILES) {
    const records = (JSON.parse(readFileSync(join(REAL, `${file}.dev80.json`), 'utf8')) as { marches: unknown[] }).marches;
    for (const raw of records) {
      const result = normalizeDecpAward(raw);
      if (!result.ok || keys.has(result.award.key)) continue;
      keys.add(result.award.key);
      awards.push(result.award);
    }
  }
  const organizations = new Map<string, Organization>();
  for (const award of awards) {
    const place =
      award.executionPlace && locateExecutionPlace(award.executionPlace.code, award.executionPlace.typeCode, award.executionPlace.name);
    const known = organizations.get(award.buyer.siret);
    if (known !== undefined && (known.departementCode !== '' || !place?.departementCode)) continue;
    organizations.set(award.buyer.siret, {
      id: award.buyer.siret,
      siret: award.buyer.siret,
      name: known?.name ?? award.buyer.name ?? `Acheteur ${award.buyer.siret}`,
      kind: known?.kind ?? guessBuyerKind(award.buyer.siret, award.buyer.name),
      inseeCode: place?.inseeCode ?? '',
      departementCode: place?.departementCode ?? '',
      regionCode: place?.regionCode ?? '',
      epciSiren: place?.inseeCode ? (getCommune(place.inseeCode)?.epciSiren ?? null) : null,
      isDemo: false,
    });
  }
  const proposals = proposeDecpNeeds(
    awards.flatMap((a) => {
      const contract = { ...a, holderSiret: a.holders[0]?.siret ?? null, decpFlags: a.flags };
      if (!isDecpAmountEstimable(contract)) return [];
      return [
        {
          organizationId: a.buyer.siret,
          decpId: a.key,
          cpvCode: a.cpvCode,
          amountCents: a.amountCents,
          durationMonths: a.durationMonths,
          startDate: isDecpContractDated(contract) ? a.startDate : null,
        },
      ];
    }),
  );
  const needs = proposals.map(
    (p, i): Need => ({
      id: `n${String(i).padStart(5, '0')}`,
      organizationId: p.organizationId,
      cpvCode: p.cpvCode,
      label: `${getCpv(p.cpvCode)?.labelFr ?? p.cpvCode} (d’après ${p.contractCount} marché${p.contractCount > 1 ? 's' : ''} DECP)`,
      quantity: null,
      unit: null,
      unitsPerPack: null,
      unitPriceCents: null,
      annualAmountCents: p.annualAmountCents,
      amountIsDerived: true,
      deliveryCommunes: [],
      csrRequirements: [],
      qualityRequirements: '',
      confidence: 'indicative',
      status: 'proposed',
      source: 'decp',
      sourceRef: p.sourceRef,
    }),
  );
  const positions: Record<string, Position> = {};
  for (const o of organizations.values()) {
    const point = placeCommune(o.inseeCode)?.position ?? departementCentroid(o.departementCode);
    if (point) positions[o.id] = point;
  }
  return { organizations: [...organizations.values()], needs, positions };
}

const territory = buildTerritoryFromDevSplit();
/** The shipped families as they were when the problem was reported (the booklets family then also held every printing code). */
const REPORTED_FAMILIES = DEFAULT_FAMILIES.map((f) =>
  f.id === 'fam-health-booklets' ? { ...f, cpvCodes: ['22458000', '22100000', '22160000', '79800000'] } : f,
);
const detect = (maxSpanKm?: number, families = DEFAULT_FAMILIES) =>
  detectOpportunities({
    ...territory,
    families,
    scope: { kind: 'territory' },
    familyLevel: 'class',
    confirmedOnly: false,
    ...(maxSpanKm === undefined ? {} : { maxSpanKm }),
  });
const isWorksOrOneOff = (o: Opportunity) => o.poolability.nature === 'works' || o.poolability.nature === 'intellectual';

describe('the opportunity list of a territory built from the real DECP records of the dev split', () => {
  it('reproduces the reported ranking: by amount alone, across the whole country, site-specific works fill the top 20', () => {
    // Before this change (commit 4207571), `mutualis import decp --territory france` of the four
    // dev files then `mutualis analyse --territory france` printed 292 opportunities, all « tout
    // le territoire », whose top 20 held 13 works classes (45…: pipelines and roads 4523, demolition
    // 4511, buildings 4521, floor and wall covering 4543, civil engineering 4522, joinery 4542,
    // roofing 4526, plants 4525, works 4500, electrical installation 4531, finishing 4545,
    // plumbing 4533, complete construction 4520). Since every real record is kept (issue 15 §3) and
    // needs come from chains of successive contracts, the list is longer (349 opportunities) and
    // hydraulic works 4524 take the 20th-rank place of 4520: still 13 works classes in the top 20.
    const byAmount = [...detect(Number.POSITIVE_INFINITY, REPORTED_FAMILIES).opportunities].sort(
      (a, b) => b.annualAmountCents - a.annualAmountCents,
    );
    expect(new Set(byAmount.map((o) => o.cell.label))).toEqual(new Set(['tout le territoire']));
    expect(byAmount.slice(0, 20).filter((o) => o.family.cpvCodes[0]?.startsWith('45')).length).toBe(13);
  });

  it('pools per département, lists recurring families first and puts every site-specific work after them', () => {
    const { opportunities, scopeNote } = detect();
    expect(scopeNote).toMatch(
      /^Zone trop étendue pour un seul groupement : tout le territoire \(au moins \d[\d ]* km entre deux acheteurs\)/,
    );
    expect(opportunities.every((o) => o.cell.scope === 'departement' && /^dep-(\d{2,3}|2[AB])$/.test(o.cell.code))).toBe(true);
    const visible = opportunities.filter((o) => !o.poolability.isRare);
    const firstRare = opportunities.findIndex((o) => o.poolability.isRare);
    expect(firstRare).toBe(visible.length);
    expect(visible.slice(0, 20).filter(isWorksOrOneOff)).toEqual([]);
    expect(visible.slice(0, 20).every((o) => o.poolability.tier === 'proven' || o.poolability.tier === 'recurring')).toBe(true);
    // Insurance (class 6651), the family most often pooled in the reference DECP, leads.
    expect(visible[0]?.family.key).toBe('cpv:class:66510000');
    expect(opportunities.slice(firstRare).every(isWorksOrOneOff)).toBe(true);
  });
});
