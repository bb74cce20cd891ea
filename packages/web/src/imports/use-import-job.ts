import type { ImportRecordDto } from '@mutualis/contract';
import { useCallback, useEffect, useState } from 'react';
import { isApiError } from '../api/api-error';
import { api } from '../api/client';

const BUSY: readonly ImportRecordDto['status'][] = ['previewing', 'running', 'undoing'];
/** How often a running import is asked where it stands. */
const POLL_MS = 1000;

export function isBusy(record: ImportRecordDto | null): boolean {
  return record !== null && BUSY.includes(record.status);
}

/**
 * Follows one import: `start` sets the record an upload or an action answered, then the record is
 * read again every second while its job runs (the server answers uploads and actions at once).
 */
export function useImportJob(pathOf: (id: string) => string) {
  const [record, setRecord] = useState<ImportRecordDto | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const id = record?.id;
  const busy = isBusy(record);

  // biome-ignore lint/correctness/useExhaustiveDependencies: each record read schedules the next read, while the job runs.
  useEffect(() => {
    if (id === undefined || !busy) return;
    let stopped = false;
    const timer = setTimeout(() => {
      api
        .get<ImportRecordDto>(pathOf(id))
        .then((next) => {
          if (!stopped) setRecord(next);
        })
        .catch((error: unknown) => {
          if (!stopped) setFailure(isApiError(error) ? error.message : 'Le suivi de l’import a échoué ; rechargez la page.');
        });
    }, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [id, busy, record, pathOf]);

  /** Runs an action answering the import (upload, confirm, undo…) and follows it. */
  const run = useCallback(async (action: () => Promise<ImportRecordDto>) => {
    setFailure(null);
    try {
      setRecord(await action());
    } catch (error) {
      setFailure(isApiError(error) ? error.message : 'Réessayez dans un instant.');
    }
  }, []);
  const reset = useCallback(() => {
    setRecord(null);
    setFailure(null);
  }, []);
  return { record, failure, run, reset };
}
