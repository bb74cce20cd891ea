export * from './analyse-opportunity';
export * from './analyse-territory';
export * from './run-scenario';
