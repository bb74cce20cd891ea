export * from './default-elasticities';
export * from './estimate-savings';
export * from './weighted-quantile';
