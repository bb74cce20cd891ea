export * from './build-sourcing-index';
export * from './explain-sourcing-firm';
export * from './rank-local-sourcing';
export * from './types';
export * from './min-producer-coverage';
