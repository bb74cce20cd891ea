export * from './build-sourcing-index';
export * from './explain-sourcing-firm';
export * from './rank-local-sourcing';
export { formatQuantityFr } from './format-quantity-fr';
export * from './types';
export * from './min-producer-coverage';
