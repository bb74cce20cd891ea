import type { Command } from '../command';
export declare const analyseCommand: Command;
