export { PairSet } from './pair-set';
