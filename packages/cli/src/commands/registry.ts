import type { Command } from '../command';
import { analyseCommand } from './analyse';
import { demoCommand } from './demo';
import { exportCommand } from './export';
import { importCommand } from './import';
import { migrateCommand } from './migrate';
import { serveCommand } from './serve';

/** Every command of `mutualis`; add a file in this folder and list it here. */
export const COMMANDS: readonly Command[] = [serveCommand, migrateCommand, demoCommand, analyseCommand, importCommand, exportCommand];
