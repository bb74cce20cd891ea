/**
 * @mutualis/db — the storage layer: dialect setup (SQLite or PostgreSQL), migrations, and
 * repositories that return core domain types. See the ARCHITECTURE.md section "db".
 */
export {
  type CreateDatabaseOptions,
  createDatabase,
  type DialectName,
  dataVersionReaderOf,
  type MutualisDb,
  sqliteHandleOf,
} from './dialect/create-database';
export {
  databaseUnavailable,
  UNAVAILABLE_RETRY_AFTER_SECONDS,
  type UnavailableKind,
  unavailableKindOf,
} from './dialect/database-unavailable';
export {
  createDecpStore,
  type DecpChunkOutcome,
  type DecpComparison,
  type DecpImportTarget,
  type DecpImportWriter,
  type DecpStore,
  type StoredParty,
} from './decp/decp-store';
export { buyerPlaceOf, DECP_CONTRACT_COLUMNS, placingAwardsOf } from './decp/decp-rows';
export { estimableAwardFacts, FLAG_FACT_COLUMNS } from './decp/estimable-decp-facts';
export type { NeedsOutcome } from './decp/refresh-decp-needs';
export { findLaterImportOnSameBuyers, type UndoOutcome, undoImport } from './imports/undo-import';
export { isProcessRunning, processTag } from './dialect/process-tag';
export { migrateToLatest } from './dialect/migrate-to-latest';
export { pingDatabase } from './dialect/ping-database';
export { newId, newOrderedId } from './dialect/new-id';
export { nowIso } from './dialect/now-iso';
export { translateWriteError } from './dialect/write-error';
export { migrations } from './migrations';
export { readDecpProvenance, writeDecpProvenance } from './repositories/decp-provenance-column';
export { readDecpFlagReviews, readDecpFlags, writeAmountCheck, writeDecpFlags } from './repositories/decp-flags-column';
export type { DecpAmountChecksOutcome } from './decp/refresh-decp-amount-checks';
export type { AuditEntry, AuditLogRepository, NewAuditEntry } from './repositories/audit-log';
export type {
  BuyerIdentityChange,
  BuyerIdentityStore,
  BuyerIdentitySubject,
  BuyerNameFilter,
  BuyerNameItem,
  OrganizationLocation,
} from './repositories/buyer-identities';
export type { CompetenceFilter, CompetenceRepository, StoredCompetence } from './repositories/competences';
export type { ConsumptionEntry, ConsumptionRepository } from './repositories/consumption-entries';
export type { DecisionSnapshot, DecisionSnapshotRepository, NewDecisionSnapshot } from './repositories/decision-snapshots';
export type { GroupementPlanRepository } from './repositories/groupement-plans';
export type { ImportPatch, ImportRecord, ImportRepository, NewImport } from './repositories/imports';
export type { GroupementSignatureRepository } from './repositories/groupement-signatures';
export type { LotAwardRepository, NewLotAward, StoredLotAward } from './repositories/lot-awards';
export type { ContactEntry, ContactFilter, ContactLogRepository, NewContactEntry } from './repositories/contact-log';
export type {
  CoordinatorOverride,
  CoordinatorOverrideKey,
  CoordinatorOverrideRepository,
  NewCoordinatorOverride,
} from './repositories/coordinator-overrides-repository';
export type { FamilyRepository, NewPurchaseFamily, PurchaseFamilyPatch } from './repositories/families';
export type { OpportunityUrgencyMark, OpportunityUrgencyMarkRepository } from './repositories/opportunity-urgency-marks';
export type { GroupementPatch, GroupementRepository, NewGroupement } from './repositories/groupements';
export type {
  InterestDeclaration,
  InterestDeclarationRepository,
  NewInterestDeclaration,
} from './repositories/interest-declarations';
export { createRepositories, type Repositories, withTransaction } from './repositories/index';
export { DEFAULT_PAGE, type ListPage, type ListResult } from './repositories/list-page';
export type { MembershipDecision, MembershipRequestRepository, NewMembershipRequest } from './repositories/membership-requests';
export type { MembershipRepository } from './repositories/memberships';
export type { CpvDivisionNeedStats, NeedStatsOptions, OrganizationNeedStats } from './repositories/need-stats';
export type { NeedFilter, NeedPatch, NeedRepository, NewNeed } from './repositories/needs';
export type { DecpContractsState, ObservatoryEvidenceContract, ObservatoryRepository } from './repositories/observatory';
export type { NewOrganization, OrganizationFilter, OrganizationPatch, OrganizationRepository } from './repositories/organizations';
export type {
  NewRunningContract,
  RunningContractFilter,
  RunningContractPatch,
  RunningContractRepository,
} from './repositories/running-contracts';
export type {
  NewPlannedConsultation,
  PlannedConsultation,
  PlannedConsultationRepository,
  PlannedLot,
} from './repositories/planned-consultations';
export type { RecipeRepository, StoredRecipe } from './repositories/recipes';
export type { SessionRecord, SessionRepository } from './repositories/sessions';
export type { SupplierFilter, SupplierListItem, SupplierProfileRepository } from './repositories/supplier-profiles';
export type { NewTerritory, TerritoryPatch, TerritoryRepository } from './repositories/territories';
export type { AccountRecord, NewUser, NewUserRole, UserRecord, UserRepository, UserRoleRecord } from './repositories/users';
export type {
  AccountRequest,
  AccountRequestDecision,
  AccountRequestRepository,
  NewAccountRequest,
} from './repositories/account-requests';
export type { AuthTokenRecord, AuthTokenRepository, NewAuthToken } from './repositories/auth-tokens';
export type { CensusCampaignRepository, NewCensusCampaign } from './repositories/census-campaigns';
export type { AccountRequestStatus, AuthTokenPurpose } from './schema-territory-setup';
export type { Database, ImportKind, ImportStatus } from './schema';
