import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import { DomainError } from '@mutualis/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Registers the multipart parser in the calling plugin only (its routes accept uploads, others do not). */
export async function acceptUploads(app: FastifyInstance): Promise<void> {
  await app.register(multipart, { limits: { files: 1, fields: 10, fieldSize: 1024 } });
}

function tooLarge(maxBytes: number): DomainError {
  const megabytes = (maxBytes / (1024 * 1024)).toLocaleString('fr-FR', { maximumFractionDigits: 1 });
  return new DomainError('payload_too_large', `Le fichier dépasse la taille autorisée (${megabytes} Mo).`, { maxBytes });
}

/**
 * Busboy reports a malformed multipart body (no boundary, truncated part) as a plain Error: the
 * client's fault, so a 400 on `file`. Errors that carry a status (limits: 413) pass unchanged.
 */
function malformedUpload(error: unknown): unknown {
  if (error instanceof DomainError || (typeof error === 'object' && error !== null && 'statusCode' in error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return DomainError.validation('Envoi de fichier illisible.', [{ field: 'file', reason: `Corps multipart invalide (${reason}).` }]);
}

async function filePart(request: FastifyRequest, maxBytes: number) {
  const noFile = DomainError.validation('Aucun fichier reçu.', [{ field: 'file', reason: 'Joignez un fichier (champ « file »).' }]);
  if (!request.isMultipart()) throw noFile;
  const part = await request.file({ limits: { fileSize: maxBytes } }).catch((error: unknown) => {
    throw malformedUpload(error);
  });
  if (!part) throw noFile;
  return part;
}

/** The one uploaded file of a multipart request, in memory; `payload_too_large` beyond `maxBytes`. */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<{ fileName: string; content: Buffer }> {
  const part = await filePart(request, maxBytes);
  const content = await part.toBuffer().catch((error: unknown) => {
    throw part.file.truncated ? tooLarge(maxBytes) : malformedUpload(error);
  });
  return { fileName: safeFileName(part.filename), content };
}

/**
 * Streams the one uploaded file to a fresh temporary directory (under its own, sanitised name, so
 * reports name the user's file) and runs `use` on its path; the directory is removed afterwards.
 */
export async function withUploadedFile<T>(
  request: FastifyRequest,
  maxBytes: number,
  use: (path: string, fileName: string) => Promise<T>,
): Promise<T> {
  const part = await filePart(request, maxBytes);
  const dir = await mkdtemp(join(tmpdir(), 'mutualis-upload-'));
  try {
    const fileName = safeFileName(part.filename);
    const path = join(dir, fileName);
    await pipeline(part.file, createWriteStream(path)).catch((error: unknown) => {
      throw malformedUpload(error);
    });
    if (part.file.truncated) throw tooLarge(maxBytes);
    return await use(path, fileName);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The file's own name without any directory part or control characters; `fichier` when empty. */
function safeFileName(raw: string): string {
  const name = [...basename(raw.replaceAll('\\', '/'))]
    .filter((char) => char.charCodeAt(0) >= 0x20)
    .join('')
    .slice(0, 200);
  return name === '' || name === '.' || name === '..' ? 'fichier' : name;
}

/** `attachment; filename="…"` with an RFC 5987 UTF-8 name for accented file names. */
export function attachment(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replaceAll('"', '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
} as const;
