export * from './analyse-opportunity';
export * from './analyse-territory';
export * from './apply-scenario-changes';
export * from './explain-scenario';
export * from './run-scenario';
