export * from './default-competences';
