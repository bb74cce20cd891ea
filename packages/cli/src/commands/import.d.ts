import type { Command } from '../command';
/** `mutualis import decp|census|history|undo …`: the sub-command is the first positional argument. */
export declare const importCommand: Command;
