import type { Role } from '@mutualis/core';
import { DEFAULT_COMPETENCES } from '@mutualis/core/competences';
import { buildDemoTerritories, type DemoDataset } from '@mutualis/core/demo';
import { DEFAULT_FAMILIES } from '@mutualis/core/families';
import { createRepositories, type MutualisDb, type Repositories, withTransaction } from '@mutualis/db';
import { hashPassword } from '../auth/password';

/** What the loader stored: the demo territories and the accounts to print. */
export interface DemoLoadResult {
  territories: { slug: string; name: string }[];
  accounts: { email: string; password: string; isAdmin: boolean; roles: { role: Role; territorySlug: string }[] }[];
}

/** Every organization of a territory fits in one page here. */
const ALL = { limit: 100_000, offset: 0 };

/**
 * Stores the demo dataset (and the default vocabulary and purchase families) in one transaction:
 * either everything is loaded or nothing is. Passwords are hashed before the transaction opens so
 * the database is not held during argon2.
 */
export async function loadDemo(database: MutualisDb, dataset: DemoDataset = buildDemoTerritories(todayIso())): Promise<DemoLoadResult> {
  const hashes = await Promise.all(dataset.users.map((u) => hashPassword(u.password)));
  await withTransaction(database, async (repos) => {
    await loadVocabulary(repos);
    const territoryIds = new Map<string, string>();
    for (const { territory, organizations } of dataset.territories) {
      const stored = await repos.territories.insert(territory);
      territoryIds.set(territory.slug, stored.id);
      for (const organization of organizations) {
        await repos.organizations.upsert(organization);
        await repos.memberships.add(stored.id, organization.id);
      }
    }
    await repos.needs.insertMany(dataset.needs);
    for (const contract of dataset.runningContracts) await repos.runningContracts.insert(contract);
    for (const profile of dataset.supplierProfiles) await repos.supplierProfiles.upsert(profile);
    for (const [i, user] of dataset.users.entries()) {
      const existing = await repos.users.getByEmail(user.email);
      const stored =
        existing ??
        (await repos.users.insert({ email: user.email, name: user.name, passwordHash: hashes[i] ?? '', isAdmin: user.isAdmin ?? false }));
      for (const grant of user.roles) {
        const territoryId = territoryIds.get(grant.territorySlug);
        if (territoryId === undefined) throw new Error(`demo user ${user.email}: unknown territory ${grant.territorySlug}`);
        await repos.users.addRole({ userId: stored.id, role: grant.role, territoryId, organizationId: grant.organizationId });
      }
    }
    for (const choice of dataset.coordinatorChoices) {
      const territoryId = territoryIds.get(choice.territorySlug);
      if (territoryId === undefined) throw new Error(`demo coordinator choice: unknown territory ${choice.territorySlug}`);
      await repos.coordinatorOverrides.upsert({
        territoryId,
        familyKey: choice.familyKey,
        cellKey: null,
        organizationId: choice.organizationId,
      });
    }
  });
  return {
    territories: dataset.territories.map(({ territory }) => ({ slug: territory.slug, name: territory.name })),
    accounts: dataset.users.map((u) => ({
      email: u.email,
      password: u.password,
      isAdmin: u.isAdmin ?? false,
      roles: u.roles.map(({ role, territorySlug }) => ({ role, territorySlug })),
    })),
  };
}

/** Default competences and shipped purchase families, added when missing (never overwritten). */
async function loadVocabulary(repos: Repositories): Promise<void> {
  for (const competence of DEFAULT_COMPETENCES) {
    if (!(await repos.competences.getByCode(competence.code))) await repos.competences.insert(competence);
  }
  for (const family of DEFAULT_FAMILIES) {
    if (!(await repos.families.getById(family.id))) await repos.families.insert(family);
  }
}

/**
 * Deletes every demo territory and demo organization (their needs, contracts, profiles, roles and
 * memberships go by cascade) and the demo accounts, in one transaction. Real data is untouched.
 */
export async function wipeDemo(database: MutualisDb, dataset: DemoDataset = buildDemoTerritories(todayIso())): Promise<void> {
  await withTransaction(database, async (repos) => {
    for (const territory of await repos.territories.list()) {
      if (territory.isDemo) await repos.territories.delete(territory.id);
    }
    const organizations = await repos.organizations.list({}, ALL);
    for (const organization of organizations.items) {
      if (organization.isDemo) await repos.organizations.delete(organization.id);
    }
    for (const user of dataset.users) {
      const stored = await repos.users.getByEmail(user.email);
      if (stored) await repos.users.delete(stored.id);
    }
  });
}

/** True when no territory exists yet (a fresh database). */
export async function isDatabaseEmpty(database: MutualisDb): Promise<boolean> {
  return (await createRepositories(database).territories.list()).length === 0;
}

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
