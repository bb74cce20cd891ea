import { describe, expect, it } from 'vitest';
import { DEFAULT_FAMILIES } from '../families/default-families';
import { buildContract, buildNeed, buildOrganization } from '../pooling/test-builders';
import { type CensusCampaign, summarizeCensusCampaign } from './census-campaign';

const campaign: CensusCampaign = {
  id: 'c1',
  territoryId: 't1',
  title: 'Recensement 2027',
  message: '',
  deadline: '2027-01-31',
  familyIds: ['fam-salt', 'fam-paper'],
  openedAt: '2026-12-01T09:00:00.000Z',
  openedBy: null,
  closedAt: null,
};

const city = buildOrganization({ id: 'city', name: 'Ville de Colmar' });
const county = buildOrganization({ id: 'county', name: 'Département du Bas-Rhin', kind: 'departement' });
const hospital = buildOrganization({ id: 'hospital', name: 'Centre hospitalier', kind: 'hospital' });
const firm = buildOrganization({ id: 'firm', name: 'Sels Rhénans', kind: 'sme' });

describe('summarizeCensusCampaign', () => {
  const summary = summarizeCensusCampaign({
    campaign,
    organizations: [city, county, hospital, firm],
    needs: [
      // The city: salt (by CPV), paper (by keyword of the label, CPV outside the family's codes): nothing missing.
      buildNeed({ id: 'n1', organizationId: 'city' }),
      buildNeed({ id: 'n2', organizationId: 'city', cpvCode: '30190000', label: 'Ramettes de papier A4' }),
      // The county: salt only, plus a proposed paper need (not counted until its buyer confirms it).
      buildNeed({ id: 'n3', organizationId: 'county' }),
      buildNeed({ id: 'n4', organizationId: 'county', cpvCode: '30197630', label: 'Papier', status: 'proposed' }),
      // The hospital: gloves only, outside the campaign.
      buildNeed({ id: 'n5', organizationId: 'hospital', cpvCode: '33141420', label: 'Gants nitrile' }),
    ],
    runningContracts: [buildContract({ id: 'k1', organizationId: 'county', startDate: '2025-01-01' })],
    families: DEFAULT_FAMILIES,
    responses: [{ campaignId: 'c1', organizationId: 'city', answeredAt: '2026-12-03T10:00:00.000Z', answeredBy: null }],
    reminders: [
      { id: 'r1', campaignId: 'c1', organizationId: 'hospital', sentAt: '2026-12-10T08:00:00.000Z', sentBy: null, emailed: 1 },
      { id: 'r2', campaignId: 'c1', organizationId: 'hospital', sentAt: '2026-12-20T08:00:00.000Z', sentBy: null, emailed: 0 },
      { id: 'r3', campaignId: 'other', organizationId: 'county', sentAt: '2026-12-20T08:00:00.000Z', sentBy: null, emailed: 1 },
    ],
    now: '2027-02-01',
  });

  it('asks public buyers only, in name order', () => {
    expect(summary.organizations.map((o) => o.name)).toEqual(['Centre hospitalier', 'Département du Bas-Rhin', 'Ville de Colmar']);
  });

  it('says who answered, who started and who did nothing, with what is missing', () => {
    const byId = Object.fromEntries(summary.organizations.map((o) => [o.organizationId, o]));
    expect(byId.city).toMatchObject({ status: 'answered', needCount: 2, contractCount: 0, missingFamilies: [] });
    expect(byId.county).toMatchObject({
      status: 'in_progress',
      needCount: 1,
      contractCount: 1,
      missingFamilies: [{ id: 'fam-paper', name: 'Papier de reprographie' }],
      reminderCount: 0,
    });
    expect(byId.hospital).toMatchObject({
      status: 'not_started',
      needCount: 0,
      missingFamilies: [
        { id: 'fam-salt', name: 'Sel de déneigement' },
        { id: 'fam-paper', name: 'Papier de reprographie' },
      ],
      reminderCount: 2,
      lastRemindedAt: '2026-12-20T08:00:00.000Z',
    });
    expect(summary.counts).toEqual({ answered: 1, in_progress: 1, not_started: 1 });
  });

  it('is past its deadline from the next day on', () => {
    expect(summary.isPastDeadline).toBe(true);
    const onTheDay = summarizeCensusCampaign({
      campaign,
      organizations: [],
      needs: [],
      runningContracts: [],
      families: DEFAULT_FAMILIES,
      responses: [],
      reminders: [],
      now: '2027-01-31',
    });
    expect(onTheDay.isPastDeadline).toBe(false);
  });
});
