export * from './build-decp-2024';
export * from './build-ocds-release-package';
export * from './decp-types';
export { COMPANY_ORG_SCHEME, ocdsPartyId, organizationScheme, SIRENE_ORG_SCHEME } from './ocds-parties';
export * from './ocds-types';
export * from './open-data-input';
export * from './build-awarded-lots';
export * from './build-decp-contracts';
