import { ApiError } from '../api/api-error';
import { buildUrl, type Query } from '../api/client';
import type { ApiErrorBody } from '../api/types';

function isErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}

/** POSTs one file as multipart/form-data (field `file`) with the API's CSRF header; answers the parsed JSON. */
export async function uploadFile<T>(path: string, file: File, query?: Query): Promise<T> {
  const body = new FormData();
  body.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method: 'POST',
      headers: { Accept: 'application/json', 'X-Mutualis-Client': 'web' },
      credentials: 'same-origin',
      body,
    });
  } catch {
    throw new ApiError(0, { code: 'network_error', message: 'Le serveur est injoignable. Vérifiez votre connexion.' });
  }
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(
      response.status,
      isErrorBody(json) ? json : { code: 'http_error', message: `Le serveur a répondu ${response.status}.` },
    );
  }
  return json as T;
}

/** The URL of a file the API serves (a download link). */
export function downloadUrl(path: string, query?: Query): string {
  return buildUrl(path, query);
}
