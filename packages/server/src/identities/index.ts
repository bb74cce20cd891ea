export { BuyerNameCollector } from './buyer-name-collector';
export { type ImportSireneOptions, type ImportSireneProgress, type ImportSireneResult, importSirene } from './import-sirene';
export { describeSireneFile, readSireneFile, type SireneFile, type SireneRejection } from './read-sirene-file';
export { type ResolveBuyerIdentitiesResult, resolveBuyerIdentities } from './resolve-buyer-identities';
export { resolveImportedBuyers } from './resolve-imported-buyers';
export { type ReviewBuyerNameOptions, reviewBuyerName } from './review-buyer-name';
