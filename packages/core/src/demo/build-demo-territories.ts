import type { IsoDate } from '../domain/types';
import { buildAlsaceDemo } from './alsace';
import { buildCharenteDemo } from './charente';
import { DEMO_PASSWORD, type DemoDataset } from './demo-dataset';

/** The demo territories (Alsace, Charente) with dates computed from `now`; every record is flagged demo. */
export function buildDemoTerritories(now: IsoDate): DemoDataset {
  const parts = [buildAlsaceDemo(now), buildCharenteDemo(now)];
  const observer = {
    email: 'observateur@mutualis.demo',
    name: 'Louis Bernard',
    password: DEMO_PASSWORD,
    roles: parts.map((p) => ({ role: 'observer' as const, territorySlug: p.territory.territory.slug, organizationId: null })),
  };
  const administrator = { email: 'administrateur@mutualis.demo', name: 'Inès Garnier', password: DEMO_PASSWORD, roles: [], isAdmin: true };
  return {
    territories: parts.map((p) => p.territory),
    needs: parts.flatMap((p) => p.needs),
    runningContracts: parts.flatMap((p) => p.runningContracts),
    supplierProfiles: parts.flatMap((p) => p.supplierProfiles),
    users: [...parts.flatMap((p) => p.users), observer, administrator],
    coordinatorChoices: parts.flatMap((p) => p.coordinatorChoices),
  };
}
