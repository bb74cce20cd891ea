export * from './build-decp-2024';
export * from './build-ocds-release-package';
export * from './decp-types';
export { FRENCH_ORG_SCHEME, ocdsPartyId } from './ocds-parties';
export * from './ocds-types';
export * from './open-data-input';
