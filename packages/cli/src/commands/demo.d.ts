import type { Command } from '../command';
export declare const demoCommand: Command;
