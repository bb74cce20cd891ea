export * from './plausible-dates';
