import type { Need, Organization, Role, RunningContract, Territory } from '@mutualis/core';
import type { Repositories } from '@mutualis/db';
import {
  buildCompetence,
  buildNeed,
  buildOrganization,
  buildRunningContract,
  buildSupplierProfile,
  buildTerritory,
  buildUser,
  INSEE,
} from '../../db/test/dialects';
import { hashPassword } from '../src/auth/password';

/** Who calls: nobody, each role on territory A, a facilitator of territory B, and an instance administrator (no territory role). */
export const PERSONAS = ['anonymous', 'facilitator', 'member', 'supplier', 'observer', 'otherFacilitator', 'admin'] as const;
export type Persona = (typeof PERSONAS)[number];
export type LoggedPersona = Exclude<Persona, 'anonymous'>;

export const TEST_PASSWORD = 'mot-de-passe-de-test';

/**
 * Two territories: A with two buyers (the member acts for buyerA1), one firm (the supplier's)
 * and each role; B with one buyer and its own facilitator.
 */
export interface World {
  territoryA: Territory;
  territoryB: Territory;
  buyerA1: Organization;
  buyerA2: Organization;
  firmA: Organization;
  buyerB1: Organization;
  needA1: Need;
  needA2: Need;
  needB1: Need;
  contractA1: RunningContract;
  contractA2: RunningContract;
  competenceCode: string;
  emails: Record<LoggedPersona, string>;
}

export async function buildWorld(repos: Repositories): Promise<World> {
  const territoryA = await repos.territories.insert(buildTerritory());
  const territoryB = await repos.territories.insert(buildTerritory());
  const member = async (territory: Territory, overrides: Partial<Organization> = {}) => {
    const organization = await repos.organizations.insert(buildOrganization(overrides));
    await repos.memberships.add(territory.id, organization.id);
    return organization;
  };
  const buyerA1 = await member(territoryA);
  const buyerA2 = await member(territoryA, { inseeCode: INSEE.mulhouse, departementCode: '68' });
  const firmA = await member(territoryA, { kind: 'sme' });
  const buyerB1 = await member(territoryB, { inseeCode: INSEE.angouleme, departementCode: '16', regionCode: '75' });
  const competence = await repos.competences.insert(buildCompetence());
  await repos.supplierProfiles.upsert(buildSupplierProfile({ organizationId: firmA.id, competences: [competence.code] }));
  const grants: Record<Exclude<LoggedPersona, 'admin'>, { role: Role; territory: Territory; organizationId: string | null }> = {
    facilitator: { role: 'facilitator', territory: territoryA, organizationId: null },
    member: { role: 'member', territory: territoryA, organizationId: buyerA1.id },
    supplier: { role: 'supplier', territory: territoryA, organizationId: firmA.id },
    observer: { role: 'observer', territory: territoryA, organizationId: null },
    otherFacilitator: { role: 'facilitator', territory: territoryB, organizationId: null },
  };
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const emails = {} as Record<LoggedPersona, string>;
  emails.admin = (await repos.users.insert(buildUser({ passwordHash, isAdmin: true }))).email;
  for (const [persona, grant] of Object.entries(grants) as [
    Exclude<LoggedPersona, 'admin'>,
    (typeof grants)[Exclude<LoggedPersona, 'admin'>],
  ][]) {
    const user = await repos.users.insert(buildUser({ passwordHash }));
    await repos.users.addRole({ userId: user.id, role: grant.role, territoryId: grant.territory.id, organizationId: grant.organizationId });
    emails[persona] = user.email;
  }
  return {
    territoryA,
    territoryB,
    buyerA1,
    buyerA2,
    firmA,
    buyerB1,
    needA1: await repos.needs.insert(buildNeed({ organizationId: buyerA1.id })),
    needA2: await repos.needs.insert(buildNeed({ organizationId: buyerA2.id, unitPriceCents: 8_900, annualAmountCents: 1_068_000 })),
    needB1: await repos.needs.insert(buildNeed({ organizationId: buyerB1.id })),
    contractA1: await repos.runningContracts.insert(buildRunningContract({ organizationId: buyerA1.id })),
    contractA2: await repos.runningContracts.insert(buildRunningContract({ organizationId: buyerA2.id })),
    competenceCode: competence.code,
    emails,
  };
}
