export { type ObservatorySnapshot, ObservatoryService, observatoryOf, warmUpObservatory } from './observatory-service';
export * from './present-observatory';
