export * from './align-calendar';
export * from './backward-schedule';
export * from './contract-entry-window';
export * from './lead-times';
export * from './member-actions';
export { addDays, addMonths, diffDays, formatDateFr } from './iso-date';
export * from './plan-member-entry';
