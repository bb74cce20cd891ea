export * from './award-rules';
export * from './build-consultation-skeleton';
export * from './cap-turnover-requirement';
export * from './measure-supply-security';
export * from './price-index-families';
export * from './propose-award-criteria';
