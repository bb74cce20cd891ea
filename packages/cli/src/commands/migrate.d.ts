import type { Command } from '../command';
export declare const migrateCommand: Command;
