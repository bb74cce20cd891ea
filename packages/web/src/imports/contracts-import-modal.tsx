import { Alert, Button, FileInput, Group, Modal, Stack, Text } from '@mantine/core';
import type { CensusAcceptMode, CensusImportResult } from '@mutualis/contract';
import { useState } from 'react';
import { isApiError } from '../api/api-error';
import { CensusErrorTable, rowsReadLine } from './census-error-table';
import { uploadFile } from './upload-file';

interface ContractsImportModalProps {
  organizationId: string;
  opened: boolean;
  onClose: () => void;
  /** Called after rows were stored, with the answer of the server. */
  onImported: (result: CensusImportResult) => void;
}

/**
 * Import of the running contracts sheet of a census workbook: the file is first checked (nothing
 * stored), the per-cell report shown, then the user stores the valid rows or, when the file is
 * clean, all of it.
 */
export function ContractsImportModal({ organizationId, opened, onClose, onImported }: ContractsImportModalProps) {
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<CensusImportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const path = `/organizations/${encodeURIComponent(organizationId)}/contracts/import`;

  const send = async (accept?: CensusAcceptMode) => {
    if (!file) return;
    setIsBusy(true);
    setFailure(null);
    try {
      const result = await uploadFile<CensusImportResult>(path, file, accept ? { accept } : undefined);
      setReport(result);
      if (!result.dryRun && result.status !== 'rejected') {
        onImported(result);
        close();
      }
    } catch (error) {
      setFailure(isApiError(error) ? error.message : 'Réessayez dans un instant.');
    } finally {
      setIsBusy(false);
    }
  };
  const close = () => {
    setFile(null);
    setReport(null);
    setFailure(null);
    onClose();
  };
  const choose = (chosen: File | null) => {
    setFile(chosen);
    setReport(null);
    setFailure(null);
  };

  return (
    <Modal opened={opened} onClose={close} title="Importer les contrats en cours" size="xl">
      <Stack>
        <Text size="sm" c="dimmed">
          Feuille « Contrats en cours » du classeur de recensement (.xlsx), ou fichier CSV des mêmes colonnes. Le fichier est d’abord
          vérifié : rien n’est enregistré avant votre choix ; un contrat déjà saisi (même référence) est mis à jour.
        </Text>
        <FileInput
          label="Classeur de recensement"
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
        {report && (
          <Stack gap="xs" aria-live="polite">
            <Text fw={600}>{rowsReadLine(report)}</Text>
            <CensusErrorTable errors={report.errors} />
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Annuler
          </Button>
          {report === null ? (
            <Button onClick={() => send()} disabled={!file} loading={isBusy}>
              Vérifier le fichier
            </Button>
          ) : (
            <>
              <Button variant="light" onClick={() => send('valid')} disabled={report.valid === 0} loading={isBusy}>
                Enregistrer les lignes valides
              </Button>
              <Button onClick={() => send('all')} disabled={report.errors.length > 0} loading={isBusy}>
                Tout enregistrer
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
