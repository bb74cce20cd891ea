import type { AdmissionDecider, GroupementStatus } from '@mutualis/core';
import { buildGroupement, buildOrganization } from '../../../../db/test/dialects';
import { multipartFile } from '../../../test/census-files';
import type { AppTestContext, Persona } from '../../../test/test-app';

// Rows of the route × role matrix (authz/access-matrix.test.ts) for the lifecycle and dashboard routes.

interface Row {
  allowed: readonly Persona[];
  prepare(t: AppTestContext): Promise<{ url: string; body?: unknown; headers?: Record<string, string> }>;
}

const READERS: readonly Persona[] = ['facilitator', 'member', 'observer'];
/** The member's organization (A1) coordinates these groupements, so it may run them. */
const RUNNERS: readonly Persona[] = ['facilitator', 'member'];

/**
 * A groupement of territory A (A1 coordinating unless said otherwise, A2) at `status`; launched or
 * awarded ones carry their decisions.
 */
export async function groupementAt(
  t: AppTestContext,
  status: GroupementStatus,
  options: { coordinatorId?: string; admissionsBy?: AdmissionDecider } = {},
): Promise<string> {
  const members = [t.world.buyerA1.id, t.world.buyerA2.id].sort();
  const g = await t.repos.groupements.insert(
    buildGroupement({
      territoryId: t.world.territoryA.id,
      familyId: 'fam-salt',
      memberIds: members,
      coordinatorIds: [options.coordinatorId ?? t.world.buyerA1.id],
      status,
      admissionsBy: options.admissionsBy ?? 'facilitator',
    }),
  );
  if (status === 'launched' || status === 'awarded') {
    const baselines = members.map((organizationId) => ({
      organizationId,
      annualAmountCents: 1_140_000,
      quantity: 120,
      estimated: { low: 0, central: 0, high: 0 },
    }));
    await t.repos.decisionSnapshots.insert({
      groupementId: g.id,
      procedureNumber: 1,
      kind: 'launch',
      decidedOn: '2026-04-01',
      values: { memberIds: members, baselines },
      parameters: {},
    });
  }
  if (status === 'awarded') {
    await t.repos.lotAwards.insert({
      groupementId: g.id,
      procedureNumber: 1,
      lotKey: 'lot-1',
      lotLabel: 'Sel',
      holderSiret: t.world.firmA.siret,
      holderName: t.world.firmA.name,
      holderDepartementCode: '67',
      holderIsSme: true,
      price: { kind: 'unit', unitPriceCents: 8_500 },
      awardedOn: '2026-06-01',
      startOn: '2026-07-01',
      durationMonths: 12,
      coverage: members.map((organizationId) => ({ organizationId, forecastQuantity: null })),
      contracts: [{ signatoryId: t.world.buyerA1.id, memberIds: members }],
    });
  }
  return `/api/groupements/${g.id}`;
}

/** DECP 2024 essential data of a lot, as the coordinator records them. */
export const ESSENTIAL_DATA = {
  notifiedOn: '2026-06-20',
  offersReceived: 3,
  priceTypes: ['Définitif révisable'],
  ccag: 'Fournitures courantes et services',
  subcontractingDeclared: false,
  advanceGranted: false,
  isInnovative: false,
  operatorGrouping: 'Pas de groupement',
  socialConsiderations: [],
  environmentalConsiderations: ['Critère environnemental'],
};

const consumptionLine = (t: AppTestContext) => ({
  lotKey: 'lot-1',
  organizationId: t.world.buyerA1.id,
  period: '2026-07',
  quantity: 1,
  amountCents: 8_500,
});

export const LIFECYCLE_MATRIX_ROWS: Record<string, Row> = {
  'GET /api/groupements/:id/lifecycle': {
    allowed: READERS,
    prepare: async (t) => ({ url: `${await groupementAt(t, 'draft')}/lifecycle` }),
  },
  'GET /api/groupements/:id/audit': { allowed: READERS, prepare: async (t) => ({ url: `${await groupementAt(t, 'draft')}/audit` }) },
  'GET /api/groupements/:id/savings': { allowed: READERS, prepare: async (t) => ({ url: `${await groupementAt(t, 'awarded')}/savings` }) },
  'POST /api/groupements/:id/transitions': {
    allowed: RUNNERS,
    prepare: async (t) => ({ url: `${await groupementAt(t, 'draft')}/transitions`, body: { to: 'convention_drafted' } }),
  },
  'POST /api/groupements/:id/signatures': {
    allowed: RUNNERS,
    prepare: async (t) => ({
      url: `${await groupementAt(t, 'convention_drafted')}/signatures`,
      body: { organizationId: t.world.buyerA1.id, signedOn: '2026-03-10' },
    }),
  },
  'POST /api/groupements/:id/members': {
    allowed: ['facilitator'],
    prepare: async (t) => {
      const newcomer = await t.repos.organizations.insert(buildOrganization());
      await t.repos.memberships.add(t.world.territoryA.id, newcomer.id);
      return { url: `${await groupementAt(t, 'draft')}/members`, body: { organizationId: newcomer.id } };
    },
  },
  'POST /api/groupements/:id/awards': {
    allowed: RUNNERS,
    prepare: async (t) => ({
      url: `${await groupementAt(t, 'launched')}/awards`,
      body: {
        lots: [
          {
            lotLabel: 'Sel',
            holderSiret: t.world.firmA.siret,
            holderName: 'Salins',
            unitPriceCents: 8_500,
            awardedOn: '2026-06-01',
            startOn: '2026-07-01',
            durationMonths: 12,
          },
        ],
      },
    }),
  },
  'PUT /api/groupements/:id/awards/:lotKey/essential-data': {
    allowed: RUNNERS,
    prepare: async (t) => ({ url: `${await groupementAt(t, 'awarded')}/awards/lot-1/essential-data`, body: ESSENTIAL_DATA }),
  },
  'POST /api/groupements/:id/consumption': {
    allowed: RUNNERS,
    prepare: async (t) => ({ url: `${await groupementAt(t, 'awarded')}/consumption`, body: { entries: [consumptionLine(t)] } }),
  },
  'POST /api/groupements/:id/consumption/import': {
    allowed: RUNNERS,
    prepare: async (t) => {
      const csv = Buffer.from(`Lot;SIRET;Mois;Quantité;Montant HT\r\nlot-1;${t.world.buyerA1.siret};2026-07;1;85\r\n`);
      const { payload, headers } = multipartFile('conso.csv', csv);
      return { url: `${await groupementAt(t, 'awarded')}/consumption/import`, body: payload, headers };
    },
  },
  'GET /api/territories/:slug/dashboard': {
    allowed: READERS,
    prepare: async (t) => ({ url: `/api/territories/${t.world.territoryA.slug}/dashboard` }),
  },
  'GET /api/territories/:slug/dashboard.xlsx': {
    allowed: READERS,
    prepare: async (t) => ({ url: `/api/territories/${t.world.territoryA.slug}/dashboard.xlsx` }),
  },
  'GET /api/territories/:slug/dashboard.pdf': {
    allowed: READERS,
    prepare: async (t) => ({ url: `/api/territories/${t.world.territoryA.slug}/dashboard.pdf` }),
  },
};
