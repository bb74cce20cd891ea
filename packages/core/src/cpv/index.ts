export * from './cpv-catalog';
export * from './cpv-code';
