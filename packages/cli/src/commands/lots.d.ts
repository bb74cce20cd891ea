import type { Command } from '../command';
export declare const lotsCommand: Command;
