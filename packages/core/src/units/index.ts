export * from './units';
export * from './unit-name-fr';
