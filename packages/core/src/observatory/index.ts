export * from './apply-observatory-delta';
export * from './build-observatory';
export * from './explain-observatory-opportunity';
export * from './observatory';
export { EMPTY_OBSERVATORY } from './observatory-writer';
