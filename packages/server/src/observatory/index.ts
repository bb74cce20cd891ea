export { type ObservatorySnapshot, ObservatoryService, observatoryOf } from './observatory-service';
export * from './present-observatory';
