export { declareInterest } from './declare-interest';
// The designer is a pure composition in core; the server loads its inputs (routes, CLI) and calls it.
export { type DesignedStructure, designOpportunityLots, type OpportunityLotDesign } from '@mutualis/core';
export { effectiveRecipes, isShippedRecipeId, type TerritoryRecipe } from './effective-recipes';
export { buildForecastIcal, escapeText, foldLine } from './forecast-ical';
export { type LocalContext, type LocalFirm, loadLocalContext } from './load-local-context';
export { deliveryCommunesOf, loadOpportunityDemand, type OpportunityDemand } from './load-opportunity-demand';
export { planConsultation } from './plan-consultation';
export { POSITION_NOTE_FR, positionOfCommune, positionsOfCommunes } from './positions';
export { presentFirm } from './present-firm';
export { forecastCsvRows, type PublicConsultation, presentPublicConsultation } from './present-public-forecast';
export {
  type LocalSourcing,
  MIN_PRODUCER_COVERAGE,
  mainCpvCode,
  sourceLocally,
  sourcingNeedOfNeed,
  sourcingNeedOfOpportunity,
} from './source-locally';
export { scenarioLotDesigner } from './scenario-lot-designer';
export { launchDateOf, lotAwardOptions } from './lot-award-options';
