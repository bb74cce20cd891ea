import type { DecpFormat } from '@mutualis/core';

/** One record found in a DECP file: its position in the record list and its parsed value, or why it could not be parsed. */
export type DecpRawRecord = { index: number; format: DecpFormat; raw: unknown } | { index: number; format: DecpFormat; error: string };

/** Called as a file is read: bytes consumed so far. */
export type BytesReadListener = (bytesRead: number) => void;
