import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DashboardDto } from '@mutualis/contract';
import { GROUPEMENT_STATUSES } from '@mutualis/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGroupement, buildOrganization, buildRunningContract, buildTerritory, CPV, forEachDialect } from '../../../db/test/dialects';
import { buildDashboard } from './build-dashboard';
import { exportDashboardPdf } from './export-dashboard-pdf';

const dir = mkdtempSync(join(tmpdir(), 'mutualis-dashboard-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The text of a PDF as a reader copies it (poppler's pdftotext gives a no-break space as a plain one). */
function pdfText(pdf: Buffer, name: string): string {
  const path = join(dir, name);
  writeFileSync(path, pdf);
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}

function buildDashboardDto(overrides: Partial<DashboardDto> = {}): DashboardDto {
  return {
    territory: { slug: 'alsace', name: 'Alsace' },
    now: '2026-12-01',
    pooledSpendCents: 6_232_500,
    savings: {
      estimated: { low: 37_500, central: 673_100, high: 874_300 },
      committedCents: 1_224_500,
      committedKnownCents: 1_224_500,
      committedUnknown: null,
      realisedCents: 27_448,
      realisedKnownCents: 27_448,
      realisedUnknown: null,
    },
    awardedSpendCents: 5_170_000,
    localSpendCents: 5_170_000,
    smeSpendCents: 5_170_000,
    localShare: 1,
    smeShare: 1,
    byStatus: GROUPEMENT_STATUSES.map((status) => ({ status, label: status, count: status === 'awarded' ? 1 : 0 })),
    calendar: [],
    groupements: [],
    withheldGroupements: 0,
    withheld: null,
    ...overrides,
  };
}

describe('exportDashboardPdf', () => {
  it('prints French amounts with their thousands space, never a stray « / » from a space the font lacks', async () => {
    // Intl formats 62 325 with U+202F, which the PDF's standard font has no glyph for: it printed « 62 /325 € ».
    const text = await exportDashboardPdf(buildDashboardDto()).then((pdf) => pdfText(pdf, 'amounts.pdf'));
    expect(text).toContain('dépense mutualisée 62 325 € par an');
    // 673 100 c = 6 731 €; 1 224 500 c = 12 245 €; 27 448 c = 274 €.
    for (const amount of ['6 731 €', '12 245 €', '274 €', '100 %']) expect(text).toContain(amount);
    expect(text).not.toMatch(/\d \/\d/);
  });
});

/**
 * The calendar of the next twelve months read back from the PDF, from stored data: a draft
 * groupement of health booklets whose two members hold running contracts of the family.
 * now = 2026-12-01. Dates by hand (period k ends the day before start + 12 + 12k months; notice 4
 * months before the end, last day the day before):
 *   Bas-Rhin, booklets from 2025-12-01: period 0 ends 2026-11-30 (notice passed), period 1 ends
 *     2027-11-30 → notify by 2027-07-31.
 *   Haut-Rhin, booklets from 2025-06-01, 2 renewals of 12 months, notice 4: period 1 ends
 *     2027-05-31 → notify by 2027-01-31.
 *   Haut-Rhin, maternity booklets from 2024-03-01, both renewals used: ends 2027-02-28.
 *   Bas-Rhin, paper from 2025-12-01: another family, not listed.
 */
forEachDialect('the dashboard PDF of a territory', (t) => {
  let text = '';
  beforeAll(async () => {
    const territory = await t.repos.territories.insert(buildTerritory({ name: 'Alsace' }));
    const member = async (name: string) => {
      const organization = await t.repos.organizations.insert(buildOrganization({ name }));
      await t.repos.memberships.add(territory.id, organization.id);
      return organization;
    };
    const basRhin = await member('Département du Bas-Rhin');
    const hautRhin = await member('Département du Haut-Rhin');
    const contract = (organizationId: string, overrides: Parameters<typeof buildRunningContract>[0]) =>
      t.repos.runningContracts.insert(buildRunningContract({ noticeMonths: 4, renewalCount: 2, ...overrides, organizationId }));
    await contract(basRhin.id, {
      organizationId: basRhin.id,
      reference: 'AC-67-CSANTE',
      cpvCode: '22458000',
      label: 'Carnets de santé',
      startDate: '2025-12-01',
    });
    await contract(hautRhin.id, {
      organizationId: hautRhin.id,
      reference: 'AC-68-CSANTE',
      cpvCode: '22458000',
      label: 'Carnets de santé',
      startDate: '2025-06-01',
    });
    await contract(hautRhin.id, {
      organizationId: hautRhin.id,
      reference: 'AC-68-CMAT',
      cpvCode: '22458000',
      label: 'Carnets de maternité',
      startDate: '2024-03-01',
      renewalsUsed: 2,
    });
    await contract(basRhin.id, { organizationId: basRhin.id, reference: 'AC-67-PAPIER', cpvCode: CPV.paper, startDate: '2025-12-01' });
    await t.repos.groupements.insert(
      buildGroupement({
        territoryId: territory.id,
        familyId: 'fam-health-booklets',
        name: 'Carnets de santé et de maternité',
        memberIds: [basRhin.id, hautRhin.id],
        coordinatorIds: [basRhin.id],
      }),
    );
    // Read by the staff: every figure shown.
    const deciderOf = async () => () => ({ isShown: true }) as const;
    const dashboard = await buildDashboard({ repos: t.repos, territory, now: '2026-12-01', deciderOf });
    text = pdfText(await exportDashboardPdf(dashboard), `calendar-${t.dialect}.pdf`);
  });

  it('lists the members’ non-renewal notices and contract ends of the family due within twelve months, by date', () => {
    const calendar = text.slice(text.indexOf('Échéances des 12 prochains mois'));
    const lines = calendar.split('\n').filter((line) => /^\d{2}\/\d{2}\/\d{4}/.test(line));
    expect(lines.map((line) => line.slice(0, 10))).toEqual(['31/01/2027', '28/02/2027', '31/07/2027']);
    expect(calendar).toContain('AC-68-CSANTE');
    expect(calendar).toContain('AC-68-CMAT');
    expect(calendar).toContain('AC-67-CSANTE');
    expect(calendar).not.toContain('AC-67-PAPIER');
  });
});
