export * from './estimate-savings';
export * from './explain-savings';
export * from './savings-calibrations';
export * from './savings-evidence';
export * from './savings-provenance';
export * from './weighted-quantile';
export * from './procedure-costs';
