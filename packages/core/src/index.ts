export * from './cpv';
export * from './decp';
export * from './domain';
export * from './errors';
export * from './geo';
export * from './identity';
export * from './units';
export * from './census';
