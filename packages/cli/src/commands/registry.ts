import type { Command } from '../command';
import { analyseCommand } from './analyse';
import { demoCommand } from './demo';
import { migrateCommand } from './migrate';
import { serveCommand } from './serve';

/** Every command of `mutualis`; add a file in this folder and list it here. */
export const COMMANDS: readonly Command[] = [serveCommand, migrateCommand, demoCommand, analyseCommand];
