import type { ImportProgress } from '@mutualis/contract';

/** The progress an undo reports: its phase only (an undo reads no file). */
export function undoProgress(): ImportProgress {
  return {
    phase: 'undoing',
    fileName: '',
    bytesRead: 0,
    totalBytes: 0,
    read: 0,
    kept: 0,
    flagged: 0,
    outside: 0,
    duplicates: 0,
    rejected: 0,
    secondsLeft: null,
  };
}
