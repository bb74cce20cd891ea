import type { DecpFormat } from '@mutualis/core';

/**
 * One record found in a DECP file: its position in the record list and its parsed value, or why it
 * could not be parsed; `line` is the (1-based) line of a CSV file where the record starts.
 */
export type DecpRawRecord =
  | { index: number; line?: number; format: DecpFormat; raw: unknown }
  | { index: number; line?: number; format: DecpFormat; error: string };

/** Called as a file is read: bytes consumed so far. */
export type BytesReadListener = (bytesRead: number) => void;
