import type { Command } from '../command';
import { analyseCommand } from './analyse';
import { backupCommand } from './backup';
import { demoCommand } from './demo';
import { exportCommand } from './export';
import { importCommand } from './import';
import { lotsCommand } from './lots';
import { migrateCommand } from './migrate';
import { restoreCommand } from './restore';
import { serveCommand } from './serve';
import { sourcingCommand } from './sourcing';

/** Every command of `mutualis`; add a file in this folder and list it here. */
export const COMMANDS: readonly Command[] = [
  serveCommand,
  migrateCommand,
  demoCommand,
  analyseCommand,
  importCommand,
  exportCommand,
  backupCommand,
  restoreCommand,
  lotsCommand,
  sourcingCommand,
];
