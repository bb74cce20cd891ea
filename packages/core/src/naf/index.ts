export * from './naf';
