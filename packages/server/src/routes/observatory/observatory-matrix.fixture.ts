import { buildOrganization, buildRunningContract, INSEE, nextSequence } from '../../../../db/test/dialects';
import { territoryVersionsOf } from '../../cache/territory-versions';
import type { AppTestContext, Persona } from '../../../test/test-app';

/** Two Bas-Rhin buyers with DECP insurance contracts, and one with a road-works contract of its own (Strasbourg commune points). */
export interface ObservatorySeed {
  buyers: { siret: string; id: string }[];
}

const seeds = new WeakMap<AppTestContext, Promise<ObservatorySeed>>();

/**
 * Seeds published contracts once per app, and marks the data changed as an import does (the
 * observatory re-reads the DECP contracts after any invalidation).
 */
export function seedObservatory(t: AppTestContext): Promise<ObservatorySeed> {
  let seed = seeds.get(t);
  if (seed === undefined) {
    seed = (async () => {
      const buyers = [];
      for (const [cpvCode, amountCents, durationMonths] of [
        ['66516400', 12_000_000, 48],
        ['66510000', 2_400_000, 12],
      ] as const) {
        const buyer = await t.repos.organizations.insert(
          buildOrganization({ inseeCode: INSEE.strasbourg, name: `Observatoire ${nextSequence()}` }),
        );
        await t.repos.runningContracts.insert(
          buildRunningContract({
            organizationId: buyer.id,
            cpvCode,
            amountCents,
            durationMonths,
            label: `Assurances ${buyer.name}`,
            source: 'decp',
            decpId: `${buyer.siret}|OBS-${nextSequence()}`,
          }),
        );
        buyers.push({ siret: buyer.siret, id: buyer.id });
      }
      territoryVersionsOf(t.m).invalidateAll();
      return { buyers };
    })();
    seeds.set(t, seed);
  }
  return seed;
}

const LOGGED: readonly Persona[] = ['facilitator', 'member', 'supplier', 'observer', 'otherFacilitator', 'admin'];

/** Rows of the route × role matrix (authz/access-matrix.test.ts): open data, readable by every signed-in user. */
export const OBSERVATORY_MATRIX_ROWS = {
  'GET /api/observatory/departements': {
    allowed: LOGGED,
    prepare: async (t: AppTestContext) => {
      await seedObservatory(t);
      return { url: '/api/observatory/departements' };
    },
  },
  'GET /api/observatory/departements/:code/opportunities': {
    allowed: LOGGED,
    prepare: async (t: AppTestContext) => {
      await seedObservatory(t);
      return { url: '/api/observatory/departements/67/opportunities' };
    },
  },
  'GET /api/observatory/departements/:code/opportunities/:familyCode': {
    allowed: LOGGED,
    prepare: async (t: AppTestContext) => {
      await seedObservatory(t);
      return { url: '/api/observatory/departements/67/opportunities/66510000' };
    },
  },
};
