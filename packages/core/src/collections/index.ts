export { PairMap, PairSet } from './pair-set';
