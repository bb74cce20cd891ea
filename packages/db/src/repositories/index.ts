import type { Kysely } from 'kysely';
import type { MutualisDb } from '../dialect/create-database';
import type { Database } from '../schema';
import { createAccountRequestRepository } from './account-requests';
import { createAuditLogRepository } from './audit-log';
import { createAuthTokenRepository } from './auth-tokens';
import { createCensusCampaignRepository } from './census-campaigns';
import { createBuyerIdentityStore } from './buyer-identities';
import { createCompetenceRepository } from './competences';
import { createConsumptionRepository } from './consumption-entries';
import { createContactLogRepository } from './contact-log';
import { createCoordinatorOverrideRepository } from './coordinator-overrides-repository';
import { createOpportunityUrgencyMarkRepository } from './opportunity-urgency-marks';
import { createDecisionSnapshotRepository } from './decision-snapshots';
import { createFamilyRepository } from './families';
import { createGroupementPlanRepository } from './groupement-plans';
import { createGroupementSignatureRepository } from './groupement-signatures';
import { createGroupementRepository } from './groupements';
import { createImportRepository } from './imports';
import { createLotAwardRepository } from './lot-awards';
import { createInterestDeclarationRepository } from './interest-declarations';
import { createMembershipRequestRepository } from './membership-requests';
import { createMembershipRepository } from './memberships';
import { createNeedRepository } from './needs';
import { createObservatoryRepository } from './observatory';
import { createOrganizationRepository } from './organizations';
import { createPlannedConsultationRepository } from './planned-consultations';
import { createRecipeRepository } from './recipes';
import { createRunningContractRepository } from './running-contracts';
import { createSessionRepository } from './sessions';
import { createSupplierProfileRepository } from './supplier-profiles';
import { createTerritoryRepository } from './territories';
import { createUserRepository } from './users';

function bindRepositories(db: Kysely<Database>) {
  return {
    territories: createTerritoryRepository(db),
    organizations: createOrganizationRepository(db),
    memberships: createMembershipRepository(db),
    users: createUserRepository(db),
    sessions: createSessionRepository(db),
    needs: createNeedRepository(db),
    runningContracts: createRunningContractRepository(db),
    supplierProfiles: createSupplierProfileRepository(db),
    competences: createCompetenceRepository(db),
    families: createFamilyRepository(db),
    groupements: createGroupementRepository(db),
    coordinatorOverrides: createCoordinatorOverrideRepository(db),
    opportunityUrgencyMarks: createOpportunityUrgencyMarkRepository(db),
    auditLog: createAuditLogRepository(db),
    groupementSignatures: createGroupementSignatureRepository(db),
    groupementPlans: createGroupementPlanRepository(db),
    decisionSnapshots: createDecisionSnapshotRepository(db),
    lotAwards: createLotAwardRepository(db),
    consumption: createConsumptionRepository(db),
    recipes: createRecipeRepository(db),
    plannedConsultations: createPlannedConsultationRepository(db),
    interestDeclarations: createInterestDeclarationRepository(db),
    contactLog: createContactLogRepository(db),
    imports: createImportRepository(db),
    observatory: createObservatoryRepository(db),
    membershipRequests: createMembershipRequestRepository(db),
    authTokens: createAuthTokenRepository(db),
    censusCampaigns: createCensusCampaignRepository(db),
    accountRequests: createAccountRequestRepository(db),
    buyerIdentities: createBuyerIdentityStore(db),
  };
}

/** Every repository, bound to one connection pool or one transaction. */
export type Repositories = ReturnType<typeof bindRepositories>;

/** Repositories over the whole database (each call auto-commits). */
export function createRepositories(m: MutualisDb): Repositories {
  return bindRepositories(m.db);
}

/**
 * Runs `fn` in one transaction: every write through the given repositories commits together, or
 * none does when `fn` throws (the error is rethrown). Inside `fn`, use only the given `repos`:
 * on SQLite the single connection is held by the transaction, so a query through the outer
 * repositories would wait for it forever.
 */
export async function withTransaction<T>(m: MutualisDb, fn: (repos: Repositories) => Promise<T>): Promise<T> {
  return m.db.transaction().execute((trx) => fn(bindRepositories(trx)));
}
