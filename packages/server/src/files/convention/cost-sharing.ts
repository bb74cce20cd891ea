export { type CostShare, shareCostProRata } from '@mutualis/core';
