export * from './build-lot-firms';
export * from './build-lot-sites';
export * from './build-max-lots-clause';
export * from './design-lots';
export * from './explain-lot-firms';
export * from './justify-single-lot';
export * from './types';
