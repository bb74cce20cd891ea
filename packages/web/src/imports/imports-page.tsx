import { Alert, Button, FileInput, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { DecpImportSummary } from '@mutualis/contract';
import { useState } from 'react';
import { isApiError } from '../api/api-error';
import { useSession } from '../auth/session-context';
import { DecpSummary } from './decp-summary';
import { downloadUrl, uploadFile } from './upload-file';

interface ImportsPageProps {
  slug: string;
}

/** The facilitator's imports and exports: DECP upload with its report, census template and territory files. */
export default function ImportsPage({ slug }: ImportsPageProps) {
  const { session } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [summary, setSummary] = useState<DecpImportSummary | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const base = `/territories/${encodeURIComponent(slug)}`;
  const isFacilitator = session.roles.some((r) => r.territorySlug === slug && r.role === 'facilitator');

  if (!isFacilitator) {
    return (
      <Alert color="red" title="Imports indisponibles">
        Les imports sont réservés à l’animateur du territoire.
      </Alert>
    );
  }
  const send = async () => {
    if (!file) return;
    setIsBusy(true);
    setFailure(null);
    try {
      setSummary(await uploadFile<DecpImportSummary>(`${base}/imports/decp`, file));
    } catch (error) {
      setFailure(isApiError(error) ? error.message : 'Réessayez dans un instant.');
    } finally {
      setIsBusy(false);
    }
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
            Fichier JSON ou XML (format 2019 ou 2024). Les marchés deviennent des contrats en cours et des besoins proposés à chaque
            acheteur ; réimporter le même fichier ne change rien.
          </Text>
          <Group align="flex-end">
            <FileInput
              label="Fichier DECP"
              placeholder="Choisir un fichier"
              accept=".json,.xml"
              value={file}
              onChange={setFile}
              w={360}
              clearable
            />
            <Button onClick={send} disabled={!file} loading={isBusy}>
              Importer
            </Button>
          </Group>
          {failure && (
            <Alert color="red" title="Import impossible">
              {failure}
            </Alert>
          )}
          {summary && <DecpSummary summary={summary} />}
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
