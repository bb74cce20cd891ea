export * from './decp-award';
export * from './detect-test-record';
export * from './guess-buyer-kind';
export * from './locate-execution-place';
export * from './normalize-decp-award';
export * from './parse-decp-date';
export * from './propose-decp-needs';
export * from './raw-record';
