import type { Command } from '../command';
/** `mutualis export needs|opportunities|ocds|decp --territory <slug> --out <file>` (needs: .csv or .xlsx by extension). */
export declare const exportCommand: Command;
