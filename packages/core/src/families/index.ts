export * from './default-families';
