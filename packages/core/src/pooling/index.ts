export * from './analysis-input';
export * from './build-opportunity';
export * from './detect-opportunities';
export * from './explain-opportunity';
export * from './family-resolver';
export * from './group-by-key';
export * from './opportunity';
export * from './resolve-cells';
