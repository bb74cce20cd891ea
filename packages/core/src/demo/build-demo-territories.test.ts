import { describe, expect, it } from 'vitest';
import { isPotentialMember } from '../assembly-pack';
import { contractEntryWindow } from '../calendar';
import { DEFAULT_COMPETENCES } from '../competences';
import { checkCpv, isCpvUnder } from '../cpv';
import type { Need, Organization, RunningContract } from '../domain/types';
import { DEFAULT_FAMILIES } from '../families';
import { checkInseeCode } from '../geo';
import { checkSiret } from '../identity';
import nafData from '../reference/naf-rev2.json' with { type: 'json' };
import { isUnitCode } from '../units';
import { buildDemoTerritories } from './build-demo-territories';
import { DEMO_PASSWORD, type DemoDataset } from './demo-dataset';
import { addMonths } from './demo-records';

const NOW = '2026-03-15';
const dataset = buildDemoTerritories(NOW);
const NAF_CODES = new Set((nafData.codes as [string, string][]).map(([code]) => code));
const COMPETENCE_CODES = new Set(DEFAULT_COMPETENCES.map((c) => c.code));
const SEED_FAMILIES = ['fam-salt', 'fam-health-booklets', 'fam-ppe-gloves', 'fam-office-supplies', 'fam-paper'];

function territory(data: DemoDataset, slug: string) {
  const found = data.territories.find((t) => t.territory.slug === slug);
  if (!found) throw new Error(`no territory ${slug}`);
  const ids = new Set(found.organizations.map((o) => o.id));
  return {
    ...found,
    needs: data.needs.filter((n) => ids.has(n.organizationId)),
    contracts: data.runningContracts.filter((c) => ids.has(c.organizationId)),
    profiles: data.supplierProfiles.filter((p) => ids.has(p.organizationId)),
  };
}

function familyOf(need: Need): string | undefined {
  return DEFAULT_FAMILIES.find((f) => f.cpvCodes.some((code) => isCpvUnder(need.cpvCode, code)))?.id;
}

/** End of the period the contract is in now: initial period plus the renewals already exercised. */
function currentPeriodEnd(c: RunningContract): string {
  return addMonths(c.startDate, c.durationMonths + c.renewalsUsed * c.renewalMonths);
}

const organizations: Organization[] = dataset.territories.flatMap((t) => t.organizations);
const organizationsById = new Map(organizations.map((o) => [o.id, o]));

describe('buildDemoTerritories', () => {
  it('builds the alsace and charente territories, flagged demo, with their pooling scopes', () => {
    expect(dataset.territories.map((t) => t.territory)).toEqual([
      { slug: 'alsace', name: 'Alsace — groupement Bas-Rhin / Haut-Rhin', poolingScope: { kind: 'territory' }, isDemo: true },
      { slug: 'charente', name: 'Charente — gel hydro-alcoolique', poolingScope: { kind: 'departement' }, isDemo: true },
    ]);
  });

  it('is deterministic for a given now', () => {
    expect(buildDemoTerritories(NOW)).toEqual(dataset);
  });

  it('gives unique ids to organizations, needs and contracts, and unique SIRETs', () => {
    for (const ids of [organizations.map((o) => o.id), dataset.needs.map((n) => n.id), dataset.runningContracts.map((c) => c.id)])
      expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(organizations.map((o) => o.siret)).size).toBe(organizations.length);
  });

  it('uses valid SIRETs, real INSEE codes and consistent départements for every organization', () => {
    for (const o of organizations) {
      expect(checkSiret(o.siret).ok, `${o.id} ${o.siret}`).toBe(true);
      const insee = checkInseeCode(o.inseeCode);
      expect(insee.ok, `${o.id} ${o.inseeCode}`).toBe(true);
      if (insee.ok) expect(o.departementCode).toBe(insee.commune.departementCode);
      expect(o.isDemo).toBe(true);
    }
  });

  it('places alsace organizations in 67/68 and charente organizations in 16', () => {
    for (const o of territory(dataset, 'alsace').organizations) expect(['67', '68']).toContain(o.departementCode);
    for (const o of territory(dataset, 'charente').organizations) expect(o.departementCode).toBe('16');
  });

  it('has needs with CPV 2008 codes, known units, real delivery communes and integer amounts', () => {
    for (const n of dataset.needs) {
      expect(checkCpv(n.cpvCode).ok, `${n.id} ${n.cpvCode}`).toBe(true);
      if (n.unit !== null) expect(isUnitCode(n.unit), n.id).toBe(true);
      for (const code of n.deliveryCommunes) expect(checkInseeCode(code).ok, `${n.id} ${code}`).toBe(true);
      expect(Number.isInteger(n.annualAmountCents) && n.annualAmountCents > 0, n.id).toBe(true);
      if (n.unitPriceCents !== null) expect(Number.isInteger(n.unitPriceCents), n.id).toBe(true);
      // Needs belong to buyers: public ones, or a private member under L2113-6 that is not a supplier firm.
      const isSupplier = dataset.supplierProfiles.some((p) => p.organizationId === n.organizationId);
      expect(organizationsById.get(n.organizationId)?.kind, n.id).toSatisfy((k: Organization['kind']) =>
        isPotentialMember(k, { isSupplier }),
      );
    }
  });

  it('derives annual amounts as quantity × unit price, and leaves amount-only needs without quantity', () => {
    for (const n of dataset.needs) {
      if (n.amountIsDerived) expect(n.annualAmountCents, n.id).toBe((n.quantity ?? Number.NaN) * (n.unitPriceCents ?? Number.NaN));
      else expect([n.quantity, n.unit, n.unitPriceCents], n.id).toEqual([null, null, null]);
    }
  });

  it('has contracts of existing members with valid CPV, holder SIRETs, integer amounts and coherent dates', () => {
    for (const c of dataset.runningContracts) {
      expect(organizationsById.has(c.organizationId), c.id).toBe(true);
      expect(checkCpv(c.cpvCode).ok, c.id).toBe(true);
      expect(checkSiret(c.holderSiret ?? '').ok, c.id).toBe(true);
      expect(Number.isInteger(c.amountCents) && (c.amountCents ?? 0) > 0, c.id).toBe(true);
      expect(c.renewalsUsed).toBeLessThanOrEqual(c.renewalCount);
      expect(c.notificationDate && c.notificationDate < c.startDate, c.id).toBe(true);
    }
  });

  it.each(['2026-01-31', '2026-03-15', '2027-02-28', '2028-12-01'])('ends alsace contracts 6 to 30 months after %s', (now) => {
    const { contracts } = territory(buildDemoTerritories(now), 'alsace');
    const ends = contracts.map(currentPeriodEnd);
    for (const end of ends) {
      expect(end > addMonths(now, 6), end).toBe(true);
      expect(end <= addMonths(now, 30), end).toBe(true);
    }
    // Staggered: the ends spread over more than a year.
    expect(new Set(ends.map((e) => e.slice(0, 7))).size).toBeGreaterThanOrEqual(12);
  });

  it('lets every alsace member leave its contract at the end of the current period (notice not yet passed)', () => {
    for (const c of territory(dataset, 'alsace').contracts) {
      const window = contractEntryWindow(c, NOW);
      expect([c.id, window.earliestEntry, window.isNextRenewalAutomatic]).toEqual([c.id, currentPeriodEnd(c), false]);
    }
  });

  it('gives each alsace seed family needs of both départements', () => {
    const { needs } = territory(dataset, 'alsace');
    for (const familyId of SEED_FAMILIES) {
      const members = new Set(needs.filter((n) => familyOf(n) === familyId).map((n) => n.organizationId));
      expect([familyId, members.has('demo-org-67-cd'), members.has('demo-org-68-cd')]).toEqual([familyId, true, true]);
    }
  });

  it('prices one family differently across members so harmonisation saves something', () => {
    const { needs } = territory(dataset, 'alsace');
    for (const familyId of ['fam-salt', 'fam-paper', 'fam-ppe-gloves']) {
      const prices = new Set(needs.filter((n) => familyOf(n) === familyId).map((n) => n.unitPriceCents));
      expect(prices.size, familyId).toBeGreaterThan(3);
    }
  });

  it('keeps a few alsace needs that no other member shares', () => {
    const { needs } = territory(dataset, 'alsace');
    const single = needs.filter((n) => {
      const family = familyOf(n);
      return family === undefined || new Set(needs.filter((m) => familyOf(m) === family).map((m) => m.organizationId)).size === 1;
    });
    expect(single.length).toBeGreaterThanOrEqual(3);
  });

  it('gives the city and the hospital of Angoulême hand-sanitizer needs in litres', () => {
    const { needs } = territory(dataset, 'charente');
    for (const orgId of ['demo-org-16-angouleme', 'demo-org-16-ch-angouleme']) {
      const gel = needs.filter((n) => n.organizationId === orgId && familyOf(n) === 'fam-hand-sanitizer');
      expect(
        gel.map((n) => n.unit),
        orgId,
      ).toEqual(['L']);
    }
  });

  it('describes local firms with valid NAF codes, vocabulary competences, CPV products and capacities', () => {
    for (const p of dataset.supplierProfiles) {
      const firm = organizationsById.get(p.organizationId);
      expect(['sme', 'large_company']).toContain(firm?.kind);
      expect(p.isSme).toBe(firm?.kind === 'sme');
      for (const naf of p.nafCodes) expect(NAF_CODES.has(naf), `${p.organizationId} ${naf}`).toBe(true);
      for (const code of p.competences) expect(COMPETENCE_CODES.has(code), `${p.organizationId} ${code}`).toBe(true);
      for (const product of p.products) {
        expect(checkCpv(product.cpvCode).ok, `${p.organizationId} ${product.cpvCode}`).toBe(true);
        expect(isUnitCode(product.unit)).toBe(true);
        expect(product.annualCapacity).toBeGreaterThan(0);
      }
      expect(p.deliveryRadiusKm).toBeGreaterThan(0);
    }
    expect(territory(dataset, 'alsace').profiles).toHaveLength(22);
  });

  it('finds the hand-rub makers of the Charente story among its firms', () => {
    const competencesOf = (id: string) => dataset.supplierProfiles.find((p) => p.organizationId === id)?.competences ?? [];
    expect(competencesOf('demo-firm-16-cirages-angoumois')).toEqual(
      expect.arrayContaining(['formulation-liquides', 'melange-cuves', 'conditionnement-flacons']),
    );
    expect(competencesOf('demo-firm-16-distillerie-marcs')).toContain('distillation');
    expect(competencesOf('demo-firm-16-plastiques-touvre')).toContain('soufflage-flacons');
  });

  it('gives demo users .demo emails, the shared password and roles on existing territories and organizations', () => {
    const emails = dataset.users.map((u) => u.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const user of dataset.users) {
      expect(user.email).toMatch(/^[a-z.-]+@[a-z.-]+\.demo$/);
      expect(user.password).toBe(DEMO_PASSWORD);
      for (const grant of user.roles) {
        const t = territory(dataset, grant.territorySlug);
        const org = t.organizations.find((o) => o.id === grant.organizationId);
        if (grant.role === 'member')
          expect(org && isPotentialMember(org.kind, { isSupplier: t.profiles.some((p) => p.organizationId === org.id) })).toBe(true);
        else if (grant.role === 'supplier') expect(t.profiles.some((p) => p.organizationId === org?.id)).toBe(true);
        else expect(grant.organizationId).toBeNull();
      }
    }
  });

  it('covers every role in both territories, with members for the two départements, Angoulême and its hospital', () => {
    const grants = dataset.users.flatMap((u) => u.roles);
    for (const slug of ['alsace', 'charente'])
      for (const role of ['facilitator', 'member', 'supplier', 'observer'])
        expect(
          grants.some((g) => g.territorySlug === slug && g.role === role),
          `${slug} ${role}`,
        ).toBe(true);
    const members = grants.filter((g) => g.role === 'member').map((g) => g.organizationId);
    expect(members).toEqual(
      expect.arrayContaining(['demo-org-67-cd', 'demo-org-68-cd', 'demo-org-16-angouleme', 'demo-org-16-ch-angouleme']),
    );
    expect(dataset.users.map((u) => u.email)).toEqual(expect.arrayContaining(['animatrice@alsace.demo', 'facilitateur@charente.demo']));
  });
});

describe('addMonths', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-15', -3, '2025-12-15'],
    ['2026-12-01', 30, '2029-06-01'],
  ])('moves %s by %i months to %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});
