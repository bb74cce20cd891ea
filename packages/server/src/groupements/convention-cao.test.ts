import type { Groupement, OrganizationKind } from '@mutualis/core';
import { buildDemoTerritories } from '@mutualis/core/demo';
import { describe, expect, it } from 'vitest';
import { analyseTerritoryData, mergeFamilies, type TerritoryAnalysis } from '../analysis';
import { buildConventionContent } from '../files';
import { buildConventionInput } from './build-convention-input';
import { familyIdOf } from './groupement-family';
import { dossierOf } from './load-groupement-dossier';

/*
 * Issue 14, « Done when »: the convention's CAO article matches CGCT L1414-3 for the membership of every
 * opportunity of both demo territories, the coordinator being the one retained (the facilitator's choice in Alsace).
 * Independent reading of the article: « en majorité de collectivités territoriales ou d'établissements publics
 * locaux » = strictly more than half of the members are départements, régions, communes or EPCI; the convention
 * may designate the coordinator's CAO (II) only if the coordinator is one of those (a hospital has no CAO).
 */
const NOW = '2026-12-06';
const LOCAL: readonly OrganizationKind[] = ['departement', 'region', 'commune', 'epci'];

function demoAnalysis(slug: string): TerritoryAnalysis {
  const dataset = buildDemoTerritories(NOW);
  const demo = dataset.territories.find((t) => t.territory.slug === slug);
  if (!demo) throw new Error(`no demo territory ${slug}`);
  const ids = new Set(demo.organizations.map((o) => o.id));
  const territory = { ...demo.territory, id: `territory-${slug}` };
  const overrides = dataset.coordinatorChoices
    .filter((c) => c.territorySlug === slug)
    .map((c) => ({ familyKey: c.familyKey, organizationId: c.organizationId, territoryId: territory.id, cellKey: null, updatedAt: NOW }));
  return analyseTerritoryData({
    data: {
      territory,
      organizations: demo.organizations,
      needs: dataset.needs.filter((n) => ids.has(n.organizationId)),
      runningContracts: dataset.runningContracts.filter((c) => ids.has(c.organizationId)),
      families: mergeFamilies([]),
      overrides,
    },
    at: NOW,
    confirmedOnly: false,
    familyLevel: 'class',
  });
}

describe('the convention’s CAO article on the demo territories', () => {
  it.each(['alsace', 'charente'])('follows CGCT L1414-3 for every opportunity of %s', (slug) => {
    const analysis = demoAnalysis(slug);
    const kindOf = new Map(analysis.data.organizations.map((o) => [o.id, o.kind]));
    expect(analysis.result.opportunities.length).toBeGreaterThan(0);
    for (const o of analysis.result.opportunities) {
      const groupement: Groupement = {
        id: `g-${o.id}`,
        territoryId: analysis.data.territory.id,
        name: `Groupement ${o.family.label}`,
        familyId: familyIdOf(o),
        memberIds: o.members.map((m) => m.organizationId),
        coordinatorIds: [o.coordinator.organizationId],
        mandateScope: 'procedure_signature',
        status: 'draft',
        isPermanent: false,
        admissionsBy: 'facilitator',
      };
      const article = buildConventionContent(buildConventionInput(dossierOf(groupement, analysis))).articles.find(
        (a) => a.title === 'Commission d’appel d’offres',
      );
      const text = JSON.stringify(article);
      const local = o.members.filter((m) => LOCAL.includes(kindOf.get(m.organizationId) ?? 'other_public')).length;
      const isMostlyLocal = 2 * local > o.members.length;
      const coordinatorHasCao = LOCAL.includes(kindOf.get(o.coordinator.organizationId) ?? 'other_public');
      const count = `${local} membre(s) sur ${o.members.length}`;
      expect(text, o.family.label).toContain(count);
      if (isMostlyLocal && coordinatorHasCao)
        expect(text, o.family.label).toContain(
          `L1414-3 II du Code général des collectivités territoriales, la commission d’appel d’offres compétente est celle du coordonnateur, ${o.coordinator.name}`,
        );
      else if (isMostlyLocal) {
        expect(text, o.family.label).toContain(
          'L1414-3 I du Code général des collectivités territoriales, le groupement étant composé en majorité',
        );
        expect(text, o.family.label).toContain('la convention ne peut pas désigner la sienne (article L1414-3 II)');
      } else expect(text, o.family.label).toContain('ne lui impose pas de commission d’appel d’offres');
    }
  });

  it('institutes the gel groupement’s CAO in Charente, its hospital coordinator having none', () => {
    const analysis = demoAnalysis('charente');
    const gel = analysis.result.opportunities.find((o) => o.family.key === 'famille:fam-hand-sanitizer');
    expect(gel?.coordinator.name).toBe('Centre hospitalier d’Angoulême');
    // 4 of 5 members are local authorities (Angoulême, Charente, Cognac, GrandAngoulême): L1414-3 I applies.
    expect(gel?.tenderCommission).toMatchObject({ localMemberCount: 4, memberCount: 5, allowed: ['groupement'] });
  });
});
