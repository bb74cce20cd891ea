export * from './align-calendar';
export * from './backward-schedule';
export * from './contract-entry-window';
export * from './iso-date';
export * from './lead-times';
export * from './member-actions';
