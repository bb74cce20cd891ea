import { Alert, Button, Checkbox, FileInput, Group, Modal, Stack, Text } from '@mantine/core';
import type { CensusAcceptMode, CensusImportResult, ImportRecordDto } from '@mutualis/contract';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import { formatNumber } from '../format/number';
import { CensusErrorTable, rowsReadLine } from './census-error-table';
import { ContractsImportModal } from './contracts-import-modal';
import { ImportProgress } from './import-progress';
import { uploadFile } from './upload-file';
import { isBusy, useImportJob } from './use-import-job';

interface CensusImportModalProps {
  organizationId: string;
  opened: boolean;
  /** What is imported: the census of needs (default, an import job) or the running contracts sheet. */
  target?: 'needs' | 'contracts';
  onClose: () => void;
  /** Called after rows were stored, with the answer of the server. */
  onImported: (result: CensusImportResult) => void;
}

/** The census of needs as an import job, or the running contracts sheet (`ContractsImportModal`). */
export function CensusImportModal({ target = 'needs', ...props }: CensusImportModalProps) {
  return target === 'contracts' ? <ContractsImportModal {...props} /> : <NeedsImportModal {...props} />;
}

/**
 * Import of a census spreadsheet, as an import job: the file is first checked (nothing stored),
 * the per-cell report shown, then the user stores the valid rows or, when the file is clean, all
 * of it; the import shows in the territory's history and can be undone there.
 */
function NeedsImportModal({ organizationId, opened, onClose, onImported }: Omit<CensusImportModalProps, 'target'>) {
  const [file, setFile] = useState<File | null>(null);
  const organization = `/organizations/${encodeURIComponent(organizationId)}`;
  const pathOf = useCallback((id: string) => `${organization}/imports/${id}`, [organization]);
  const job = useImportJob(pathOf);
  const { record } = job;
  const report: CensusImportResult | null = record?.censusResult ?? null;
  const busy = isBusy(record);
  const failure = job.failure ?? (record?.status === 'failed' ? record.error : null);
  const [confirmAmounts, setConfirmAmounts] = useState(false);

  const check = () => {
    if (file) void job.run(() => uploadFile<ImportRecordDto>(`${organization}/needs/import`, file));
  };
  const store = (accept: CensusAcceptMode) => {
    const query = `accept=${accept}${confirmAmounts ? '&confirmAmounts=true' : ''}`;
    if (record) void job.run(() => api.post<ImportRecordDto>(`${pathOf(record.id)}/confirm?${query}`, {}));
  };
  const close = () => {
    setConfirmAmounts(false);
    setFile(null);
    job.reset();
    onClose();
  };
  const choose = (chosen: File | null) => {
    setConfirmAmounts(false);
    setFile(chosen);
    job.reset();
  };
  const stored = record?.status === 'done' && report !== null && report.status !== 'rejected' ? report : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reported once, when the stored result arrives.
  useEffect(() => {
    if (stored === null) return;
    onImported(stored);
    close();
  }, [stored]);

  return (
    <Modal opened={opened} onClose={close} title="Importer un tableur" size="xl">
      <Stack>
        <Text size="sm" c="dimmed">
          Classeur Excel (.xlsx) issu du modèle de recensement, ou fichier CSV (séparateur « ; », UTF-8). Le fichier est d’abord vérifié :
          rien n’est enregistré avant votre choix.
        </Text>
        <FileInput
          label="Fichier du recensement"
          placeholder="Choisir un fichier"
          accept=".xlsx,.csv"
          value={file}
          onChange={choose}
          clearable
        />
        {failure && (
          <Alert color="red" title="Import impossible">
            {failure}
          </Alert>
        )}
        {record !== null && busy && <ImportProgress record={record} />}
        {report && (
          <Stack gap="xs" aria-live="polite">
            <Text fw={600}>{rowsReadLine(report)}</Text>
            <CensusErrorTable errors={report.errors} />
            {report.toConfirm.length > 0 && (
              <Alert
                color="orange"
                title={`Montants inhabituels à confirmer (${formatNumber(report.toConfirm.length)})`}
                // Lets the table scroll inside its own frame on a phone instead of widening the alert.
                styles={{ wrapper: { minWidth: 0 }, body: { minWidth: 0 } }}
              >
                <Stack gap="xs">
                  <Text size="sm">
                    Ces lignes sont valides mais leur montant sort de ce que le territoire connaît pour le même achat : elles ne sont
                    enregistrées qu’une fois confirmées.
                  </Text>
                  <CensusErrorTable errors={report.toConfirm} label="Montants à confirmer" />
                  <Checkbox
                    label="J’ai vérifié ces lignes : enregistrer les montants tels quels"
                    checked={confirmAmounts}
                    onChange={(event) => setConfirmAmounts(event.currentTarget.checked)}
                  />
                </Stack>
              </Alert>
            )}
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Annuler
          </Button>
          {record?.status !== 'previewed' || report === null ? (
            <Button onClick={check} disabled={!file} loading={busy}>
              Vérifier le fichier
            </Button>
          ) : (
            <>
              <Button variant="light" onClick={() => store('valid')} disabled={report.valid === 0}>
                Enregistrer les lignes valides
              </Button>
              <Button onClick={() => store('all')} disabled={report.errors.length > 0 || (report.toConfirm.length > 0 && !confirmAmounts)}>
                Tout enregistrer
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
