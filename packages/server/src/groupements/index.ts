export { buildAssemblyPackInput } from './build-assembly-pack-input';
export { buildConventionInput, SIGNATORY_PLACEHOLDER } from './build-convention-input';
export { type BuildGroupementFileOptions, buildGroupementFile } from './build-groupement-file';
export {
  type BuildTerritoryOcdsOptions,
  buildTerritoryDecp,
  buildTerritoryOcds,
  loadTerritoryOpenData,
  OCID_PREFIX,
} from './build-open-data';
export { type CreateGroupementOptions, createGroupement } from './create-groupement';
export { type RedactOpenDataOptions, redactOpenData } from './redact-open-data';
export { decideGroupementAggregate, type GroupementPeers, loadGroupementPeers } from './groupement-disclosure';
export { familyIdOf, findGroupementOpportunity, type GroupementFamily, resolveGroupementFamily } from './groupement-family';
export {
  dossierOf,
  estimatedAmountOf,
  type GroupementDossier,
  type LoadGroupementDossierOptions,
  loadGroupementDossier,
} from './load-groupement-dossier';
export { type GroupementChanges, type UpdateGroupementOptions, updateGroupement } from './update-groupement';
