export * from './commune-positions';
export * from './communes';
export * from './search-communes';
export * from './resolve-commune';
