export * from './assign-coordinators';
export * from './explain-coordinator';
export * from './propose-coordinators';
export * from './resolve-coordinator-overrides';
