export * from './apply-observatory-delta';
export * from './build-observatory';
export * from './observatory';
export { EMPTY_OBSERVATORY } from './observatory-writer';
