export {
  type CensusCellError,
  type CensusImportMode,
  getOrganizationOrThrow,
  type ImportCensusOptions,
  type ImportCensusResult,
  importCensus,
} from './import-census';
export { assertCensusFile, readCensusFile } from './read-census-file';
export { loadCampaignView, openCampaign, openCampaignOf, presentCampaign, remindMembers } from './census-campaigns';
export { importContracts } from './import-contracts';
