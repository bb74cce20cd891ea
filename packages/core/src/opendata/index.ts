export * from './build-decp-2024';
export * from './build-ocds-release-package';
export * from './decp-types';
export * from './ocds-parties';
export * from './ocds-releases';
export * from './ocds-types';
export * from './open-data-input';
