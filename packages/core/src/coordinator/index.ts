export * from './propose-coordinators';
