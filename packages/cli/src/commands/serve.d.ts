import type { Command } from '../command';
export declare const serveCommand: Command;
