export * from './siret';
