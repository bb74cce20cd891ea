export * from './census-columns';
export * from './census-row';
export * from './decimal';
export * from './parse-census-table';
export * from './plan-census-import';
export * from './validate-census-row';
export * from './check-census-amounts';
