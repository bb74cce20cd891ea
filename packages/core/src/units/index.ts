export * from './units';
export * from './french-units';
