export * from './cpv-catalog';
export * from './cpv-code';
export * from './map-cpv-2003';
