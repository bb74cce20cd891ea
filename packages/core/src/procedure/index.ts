export * from './carry-thresholds-forward';
export * from './estimate-value';
export * from './procedure-kind';
export * from './resolve-procedure';
export * from './threshold-table';
export * from './tender-commission';
export * from './explain-urgency';
