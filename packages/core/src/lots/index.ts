export * from './build-lot-sites';
export * from './build-max-lots-clause';
export * from './design-lots';
export * from './justify-single-lot';
export * from './types';
