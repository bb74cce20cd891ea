import type { DemoLoadResult } from '@mutualis/server';
/** Prints the demo territories and accounts, with their shared password. */
export declare function printDemoAccounts(result: DemoLoadResult, out: (line: string) => void): void;
