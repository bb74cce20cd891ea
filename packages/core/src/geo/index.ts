export * from './communes';
export * from './search-communes';
