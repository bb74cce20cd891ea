export {
  type CensusCellError,
  type CensusImportMode,
  getOrganizationOrThrow,
  type ImportCensusOptions,
  type ImportCensusResult,
  importCensus,
} from './import-census';
export { assertCensusFile, readCensusFile } from './read-census-file';
