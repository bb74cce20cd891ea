import type { Kysely } from 'kysely';
import type { MutualisDb } from '../dialect/create-database';
import type { Database } from '../schema';
declare function bindRepositories(db: Kysely<Database>): {
  territories: {
    getById: (id: string) => Promise<import('@mutualis/core').Territory | undefined>;
    getBySlug(slug: string): Promise<import('@mutualis/core').Territory | undefined>;
    list(filter?: { ids?: readonly string[] }): Promise<import('@mutualis/core').Territory[]>;
    insert(input: import('./territories').NewTerritory): Promise<import('@mutualis/core').Territory>;
    update(id: string, patch: import('./territories').TerritoryPatch): Promise<import('@mutualis/core').Territory | undefined>;
    delete(id: string): Promise<boolean>;
  };
  organizations: {
    getById(id: string): Promise<import('@mutualis/core').Organization | undefined>;
    getBySiret(siret: string): Promise<import('@mutualis/core').Organization | undefined>;
    list(
      filter?: import('./organizations').OrganizationFilter,
      page?: import('./list-page').ListPage,
    ): Promise<import('./list-page').ListResult<import('@mutualis/core').Organization>>;
    insert(input: import('./organizations').NewOrganization): Promise<import('@mutualis/core').Organization>;
    upsert(input: import('./organizations').NewOrganization): Promise<import('@mutualis/core').Organization>;
    update(id: string, patch: import('./organizations').OrganizationPatch): Promise<import('@mutualis/core').Organization | undefined>;
    delete(id: string): Promise<boolean>;
  };
  memberships: {
    add(territoryId: string, organizationId: string): Promise<void>;
    remove(territoryId: string, organizationId: string): Promise<boolean>;
    listTerritoryIds(organizationId: string): Promise<string[]>;
    listOrganizationIds(territoryId: string): Promise<string[]>;
    isMember(territoryId: string, organizationId: string): Promise<boolean>;
  };
  users: {
    getById(id: string): Promise<import('./users').UserRecord | undefined>;
    getByEmail(email: string): Promise<import('./users').UserRecord | undefined>;
    insert(input: import('./users').NewUser): Promise<import('./users').UserRecord>;
    updatePasswordHash(id: string, passwordHash: string): Promise<boolean>;
    delete(id: string): Promise<boolean>;
    addRole(input: import('./users').NewUserRole): Promise<string>;
    removeRole(roleId: string): Promise<boolean>;
    listRoles(userId: string): Promise<import('./users').UserRoleRecord[]>;
  };
  sessions: {
    insert(session: import('./sessions').SessionRecord): Promise<import('./sessions').SessionRecord>;
    getValid(id: string, nowIso: string): Promise<import('./sessions').SessionRecord | undefined>;
    delete(id: string): Promise<boolean>;
    deleteForUser(userId: string): Promise<number>;
    deleteExpired(nowIso: string): Promise<number>;
  };
  needs: {
    insert(input: import('./needs').NewNeed): Promise<import('@mutualis/core').Need>;
    insertMany(
      inputs: readonly import('./needs').NewNeed[],
      options?: {
        importId?: string;
      },
    ): Promise<number>;
    update(id: string, patch: import('./needs').NeedPatch): Promise<import('@mutualis/core').Need | undefined>;
    delete(id: string): Promise<boolean>;
    statsByOrganization(
      territoryId: string,
      options?: import('./need-stats').NeedStatsOptions,
    ): Promise<import('./need-stats').OrganizationNeedStats[]>;
    statsByCpvDivision(
      territoryId: string,
      options?: import('./need-stats').NeedStatsOptions,
    ): Promise<import('./need-stats').CpvDivisionNeedStats[]>;
    getById(id: string): Promise<import('@mutualis/core').Need | undefined>;
    list(
      filter?: import('./needs').NeedFilter,
      page?: import('./list-page').ListPage,
    ): Promise<import('./list-page').ListResult<import('@mutualis/core').Need>>;
    listForTerritory(territoryId: string): Promise<import('@mutualis/core').Need[]>;
  };
  runningContracts: {
    getById(id: string): Promise<import('@mutualis/core').RunningContract | undefined>;
    getByDecpId(decpId: string): Promise<import('@mutualis/core').RunningContract | undefined>;
    list(
      filter?: import('./running-contracts').RunningContractFilter,
      page?: import('./list-page').ListPage,
    ): Promise<import('./list-page').ListResult<import('@mutualis/core').RunningContract>>;
    listForTerritory(territoryId: string): Promise<import('@mutualis/core').RunningContract[]>;
    insert(input: import('./running-contracts').NewRunningContract): Promise<import('@mutualis/core').RunningContract>;
    upsert(input: import('./running-contracts').NewRunningContract): Promise<import('@mutualis/core').RunningContract>;
    update(
      id: string,
      patch: import('./running-contracts').RunningContractPatch,
    ): Promise<import('@mutualis/core').RunningContract | undefined>;
    delete(id: string): Promise<boolean>;
  };
  supplierProfiles: {
    getByOrganizationId(organizationId: string): Promise<import('@mutualis/core').SupplierProfile | undefined>;
    list(
      filter?: import('./supplier-profiles').SupplierFilter,
      page?: import('./list-page').ListPage,
    ): Promise<import('./list-page').ListResult<import('./supplier-profiles').SupplierListItem>>;
    upsert(profile: import('@mutualis/core').SupplierProfile): Promise<import('@mutualis/core').SupplierProfile>;
    delete(organizationId: string): Promise<boolean>;
  };
  competences: {
    getByCode: (code: string) => Promise<import('@mutualis/core').Competence | undefined>;
    list(filter?: { kind?: import('@mutualis/core').CompetenceKind }): Promise<import('@mutualis/core').Competence[]>;
    insert(competence: import('@mutualis/core').Competence): Promise<import('@mutualis/core').Competence>;
    upsert(competence: import('@mutualis/core').Competence): Promise<import('@mutualis/core').Competence>;
    update(
      code: string,
      patch: Partial<Omit<import('@mutualis/core').Competence, 'code'>>,
    ): Promise<import('@mutualis/core').Competence | undefined>;
    delete(code: string): Promise<boolean>;
  };
  families: {
    getById: (id: string) => Promise<import('@mutualis/core').PurchaseFamily | undefined>;
    list(filter?: { territoryId?: string }): Promise<import('@mutualis/core').PurchaseFamily[]>;
    insert(input: import('./families').NewPurchaseFamily): Promise<import('@mutualis/core').PurchaseFamily>;
    update(id: string, patch: import('./families').PurchaseFamilyPatch): Promise<import('@mutualis/core').PurchaseFamily | undefined>;
    delete(id: string): Promise<boolean>;
  };
  groupements: {
    getById: (id: string) => Promise<import('@mutualis/core').Groupement | undefined>;
    list(filter: {
      territoryId: string;
      status?: import('@mutualis/core').GroupementStatus;
    }): Promise<import('@mutualis/core').Groupement[]>;
    insert(input: import('./groupements').NewGroupement): Promise<import('@mutualis/core').Groupement>;
    update(id: string, patch: import('./groupements').GroupementPatch): Promise<import('@mutualis/core').Groupement | undefined>;
    delete(id: string): Promise<boolean>;
  };
  coordinatorOverrides: {
    listForTerritory(territoryId: string): Promise<import('./coordinator-overrides-repository').CoordinatorOverride[]>;
    upsert(
      input: import('./coordinator-overrides-repository').NewCoordinatorOverride,
    ): Promise<import('./coordinator-overrides-repository').CoordinatorOverride>;
    delete(key: import('./coordinator-overrides-repository').CoordinatorOverrideKey): Promise<boolean>;
  };
  auditLog: {
    insert(entry: import('./audit-log').NewAuditEntry): Promise<import('./audit-log').AuditEntry>;
    list(
      filter:
        | {
            groupementId: string;
          }
        | {
            territoryId: string;
          },
    ): Promise<import('./audit-log').AuditEntry[]>;
  };
  groupementSignatures: {
    list(groupementId: string): Promise<import('@mutualis/core').SignatureRecord[]>;
    upsert(groupementId: string, record: import('@mutualis/core').SignatureRecord): Promise<void>;
  };
  groupementPlans: {
    get(groupementId: string): Promise<{
      plannedLaunchOn: string | null;
    }>;
    listByGroupements(groupementIds: readonly string[]): Promise<Map<string, string | null>>;
    upsert(groupementId: string, plannedLaunchOn: string | null): Promise<void>;
  };
  decisionSnapshots: {
    insert<V, P>(
      snapshot: import('./decision-snapshots').NewDecisionSnapshot<V, P>,
    ): Promise<import('./decision-snapshots').DecisionSnapshot<V, P>>;
    list(groupementId: string): Promise<import('./decision-snapshots').DecisionSnapshot[]>;
  };
  lotAwards: {
    insert(award: import('./lot-awards').NewLotAward): Promise<import('./lot-awards').StoredLotAward>;
    listByGroupements(groupementIds: readonly string[]): Promise<import('./lot-awards').StoredLotAward[]>;
  };
  consumption: {
    upsertMany(entries: readonly import('./consumption-entries').ConsumptionEntry[]): Promise<void>;
    listByGroupements(groupementIds: readonly string[]): Promise<import('./consumption-entries').ConsumptionEntry[]>;
  };
  recipes: {
    listForTerritory(territoryId: string): Promise<import('./recipes').StoredRecipe[]>;
    getById(territoryId: string, id: string): Promise<import('./recipes').StoredRecipe | undefined>;
    upsert(territoryId: string, recipe: import('@mutualis/core').Recipe): Promise<import('./recipes').StoredRecipe>;
    delete(territoryId: string, id: string): Promise<boolean>;
  };
  plannedConsultations: {
    getById(id: string): Promise<import('./planned-consultations').PlannedConsultation | undefined>;
    listForTerritory(territoryId: string): Promise<import('./planned-consultations').PlannedConsultation[]>;
    insert(input: import('./planned-consultations').NewPlannedConsultation): Promise<import('./planned-consultations').PlannedConsultation>;
    delete(id: string): Promise<boolean>;
  };
  interestDeclarations: {
    listForConsultation(consultationId: string, organizationId?: string): Promise<import('./interest-declarations').InterestDeclaration[]>;
    listForOpportunity(territoryId: string, opportunityId: string): Promise<import('./interest-declarations').InterestDeclaration[]>;
    upsert(input: import('./interest-declarations').NewInterestDeclaration): Promise<import('./interest-declarations').InterestDeclaration>;
  };
  contactLog: {
    insert(input: import('./contact-log').NewContactEntry): Promise<import('./contact-log').ContactEntry>;
    list(
      filter: import('./contact-log').ContactFilter,
      page?: import('./list-page').ListPage,
    ): Promise<import('./list-page').ListResult<import('./contact-log').ContactEntry>>;
  };
  imports: {
    insert(input: import('./imports').NewImport): Promise<import('./imports').ImportRecord>;
    getById(id: string): Promise<import('./imports').ImportRecord | undefined>;
    listForTerritory(territoryId: string, limit?: number): Promise<import('./imports').ImportRecord[]>;
    listInStatus(statuses: readonly import('..').ImportStatus[]): Promise<import('./imports').ImportRecord[]>;
    keepVersion(importId: string, table: 'needs' | 'running_contracts' | 'organizations', rowId: string): Promise<void>;
    recordOrganization(importId: string, organizationId: string, isBuyer: boolean): Promise<void>;
    update(id: string, patch: import('./imports').ImportPatch, onlyIf?: readonly import('..').ImportStatus[]): Promise<boolean>;
  };
};
/** Every repository, bound to one connection pool or one transaction. */
export type Repositories = ReturnType<typeof bindRepositories>;
/** Repositories over the whole database (each call auto-commits). */
export declare function createRepositories(m: MutualisDb): Repositories;
/**
 * Runs `fn` in one transaction: every write through the given repositories commits together, or
 * none does when `fn` throws (the error is rethrown). Inside `fn`, use only the given `repos`:
 * on SQLite the single connection is held by the transaction, so a query through the outer
 * repositories would wait for it forever.
 */
export declare function withTransaction<T>(m: MutualisDb, fn: (repos: Repositories) => Promise<T>): Promise<T>;
