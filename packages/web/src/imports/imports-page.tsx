import { Alert, Button, FileInput, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { DecpImportScope, ImportRecordDto } from '@mutualis/contract';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { useSession } from '../auth/session-context';
import { DecpPreview } from './decp-preview';
import { DecpSummary } from './decp-summary';
import { ImportHistory } from './import-history';
import { ImportProgress } from './import-progress';
import { downloadUrl, uploadFile } from './upload-file';
import { isBusy, useImportJob } from './use-import-job';

interface ImportsPageProps {
  slug: string;
}

/**
 * The facilitator's imports and exports: a DECP upload is previewed (buyers inside and outside the
 * territory, contracts, proposed needs), confirmed, followed by a progress bar while it runs, and
 * can be undone from the history; census template and territory files below.
 */
export default function ImportsPage({ slug }: ImportsPageProps) {
  const { session } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const base = `/territories/${encodeURIComponent(slug)}`;
  const pathOf = useCallback((id: string) => `${base}/imports/${id}`, [base]);
  const job = useImportJob(pathOf);
  const history = useApi<{ items: ImportRecordDto[] }>(`${base}/imports`);
  const isFacilitator = session.roles.some((r) => r.territorySlug === slug && r.role === 'facilitator');
  const { record } = job;
  const status = record?.status;
  const reloadHistory = history.reload;

  useEffect(() => {
    if (status !== undefined && !['previewing', 'running', 'undoing'].includes(status)) reloadHistory();
  }, [status, reloadHistory]);

  if (!isFacilitator) {
    return (
      <Alert color="red" title="Imports indisponibles">
        Les imports sont réservés à l’animateur du territoire.
      </Alert>
    );
  }
  const preview = () => {
    if (file) void job.run(() => uploadFile<ImportRecordDto>(`${base}/imports/decp`, file));
  };
  const repreview = (scope: DecpImportScope) => {
    if (record) void job.run(() => api.post<ImportRecordDto>(`${pathOf(record.id)}/preview`, { scope }));
  };
  const confirm = () => {
    if (record) void job.run(() => api.post<ImportRecordDto>(`${pathOf(record.id)}/confirm`, {}));
  };
  const undo = (target: ImportRecordDto) => void job.run(() => api.post<ImportRecordDto>(`${pathOf(target.id)}/undo`, {}));
  const abandon = () => {
    job.reset();
    setFile(null);
    reloadHistory();
  };

  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <div>
        <Title order={1}>Imports et exports</Title>
        <Text c="dimmed">Données essentielles de la commande publique, modèle de recensement et fichiers du territoire</Text>
      </div>
      <Paper withBorder p="md" radius="md">
        <Stack>
          <Title order={2} size="h3">
            Importer des DECP
          </Title>
          <Text size="sm" c="dimmed">
            Fichier JSON ou XML (format 2019 ou 2024) ou CSV de la consolidation nationale. Un aperçu montre d’abord ce que l’import ferait
            dans le territoire ; rien n’est enregistré avant votre confirmation, et tout import peut être annulé.
          </Text>
          {(record === null || ['done', 'failed', 'undone'].includes(record.status)) && (
            <Group align="flex-end">
              <FileInput
                label="Fichier DECP"
                placeholder="Choisir un fichier"
                accept=".json,.xml,.csv"
                value={file}
                onChange={setFile}
                w={360}
                maw="100%"
                clearable
              />
              <Button onClick={preview} disabled={!file}>
                Prévisualiser
              </Button>
            </Group>
          )}
          {job.failure && (
            <Alert color="red" title="Action impossible">
              {job.failure}
            </Alert>
          )}
          {record !== null && isBusy(record) && <ImportProgress record={record} />}
          {record?.status === 'failed' && (
            <Alert color="red" title="Import échoué : rien n’est resté">
              {record.error}
            </Alert>
          )}
          {record?.status === 'previewed' && record.decpPreview !== null && (
            <DecpPreview
              key={JSON.stringify(record.decpPreview.scope)}
              preview={record.decpPreview}
              isBusy={false}
              onPreview={repreview}
              onConfirm={confirm}
              onAbandon={abandon}
            />
          )}
          {record?.status === 'done' && record.decpResult !== null && (
            <Stack gap="xs">
              <Title order={3} size="h4">
                Import terminé
              </Title>
              <DecpSummary result={record.decpResult} slug={slug} />
            </Stack>
          )}
          {record?.status === 'undone' && record.undoResult !== null && (
            <Alert color="gray" title="Import annulé">
              {`${record.undoResult.contractsRemoved} contrats retirés, ${record.undoResult.contractsRestored} rétablis, ${record.undoResult.organizationsRemoved} organisations retirées.`}
            </Alert>
          )}
        </Stack>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Stack>
          <Title order={2} size="h3">
            Historique des imports
          </Title>
          <ImportHistory imports={history.data?.items ?? []} onUndo={undo} isBusy={isBusy(record)} />
        </Stack>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Stack>
          <Title order={2} size="h3">
            Recensement et exports
          </Title>
          <Group>
            <Button variant="light" component="a" href={downloadUrl(`${base}/census/template.xlsx`)}>
              Modèle de recensement (XLSX)
            </Button>
            <Button variant="default" component="a" href={downloadUrl(`${base}/needs.xlsx`)}>
              Besoins (XLSX)
            </Button>
            <Button variant="default" component="a" href={downloadUrl(`${base}/needs.csv`)}>
              Besoins (CSV)
            </Button>
            <Button variant="default" component="a" href={downloadUrl(`${base}/opportunities.xlsx`)}>
              Opportunités (XLSX)
            </Button>
            <Button variant="default" component="a" href={downloadUrl(`${base}/ocds.json`)}>
              OCDS (JSON)
            </Button>
            <Button variant="default" component="a" href={downloadUrl(`${base}/decp.json`)}>
              DECP 2024 (JSON)
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
