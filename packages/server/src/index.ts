export {
  type AnalyseTerritoryUseCaseOptions,
  analyseTerritoryUseCase,
  type TerritoryAnalysis,
} from './analysis';
export { prepareFirstAdministratorLink } from './accounts';
export { buildApp, type BuildAppOptions } from './app/build-app';
export { SERVER_DATABASE_OPTIONS } from './app/server-database-options';
export { TerritoryVersions } from './cache/territory-versions';
export {
  ObservatoryService,
  type ObservatorySnapshot,
  observatoryOf,
  presentDepartementOpportunities,
  warmUpObservatory,
} from './observatory';
export { createSmtpMailer, type MailMessage, type Mailer } from './mail';
export { backupSqlite, isSqliteFileInUse, POSTGRES_BACKUP_PROCEDURE, restoreSqlite, sqliteFileOf } from './backup';
export { type CensusImportMode, type ImportCensusResult, importCensus } from './census';
export { exportTerritoryNeeds, exportTerritoryOpportunities } from './exports';
export { buildTerritoryDecp, buildTerritoryOcds, loadTerritoryOpenData } from './groupements';
export { type DecpImportFile, ImportJobs, previewDecpImport, runDecpImport, toImportDto } from './import';
export type { ServerContext } from './app/server-context';
export { ClusterLoginLimiter, type LoginLimiter, serveLoginLimiterToWorkers } from './auth/cluster-login-limiter';
export { hashPassword, verifyPassword } from './auth/password';
export { loadConfig, type ServerConfig } from './config/load-config';
export { ERROR_STATUS } from './errors/error-status';
export { type DemoLoadResult, isDatabaseEmpty, loadDemo, wipeDemo } from './demo/load-demo';
export {
  designOpportunityLots,
  loadLocalContext,
  loadOpportunityDemand,
  sourceLocally,
  sourcingNeedOfNeed,
} from './local';
