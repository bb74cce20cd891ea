export { type BuildTerritoryCensusTemplateOptions, buildTerritoryCensusTemplate } from './build-territory-census-template';
export { type ExportTerritoryNeedsOptions, exportTerritoryNeeds, type NeedsExportFormat } from './export-territory-needs';
export { type ExportTerritoryOpportunitiesOptions, exportTerritoryOpportunities } from './export-territory-opportunities';
