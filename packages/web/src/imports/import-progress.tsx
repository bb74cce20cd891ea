import { Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { countFr, type ImportRecordDto } from '@mutualis/contract';
import { formatNumber } from '../format/number';

const WHAT: Record<ImportRecordDto['status'], string> = {
  previewing: 'Aperçu en cours : lecture du fichier, rien n’est enregistré',
  previewed: 'Aperçu prêt',
  running: 'Import en cours',
  done: 'Import terminé',
  failed: 'Import échoué',
  undoing: 'Annulation en cours',
  undone: 'Import annulé',
};

function timeLeft(seconds: number | null): string {
  if (seconds === null) return '';
  if (seconds < 60) return `reste environ ${seconds} s`;
  return `reste environ ${Math.ceil(seconds / 60)} min`;
}

/** Where a running import stands: share of the file read, records read, kept, flagged, and the time left. */
export function ImportProgress({ record }: { record: ImportRecordDto }) {
  const p = record.progress;
  const percent = p === null || p.totalBytes === 0 ? 0 : Math.round((p.bytesRead / p.totalBytes) * 100);
  const phase =
    p === null
      ? 'en attente de démarrage…'
      : p.phase === 'needs'
        ? 'calcul des besoins proposés…'
        : p.phase === 'undoing'
          ? 'retrait des contrats, besoins et organisations de l’import…'
          : timeLeft(p.secondsLeft);
  return (
    <Paper withBorder p="md" radius="md" aria-live="polite">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Text fw={600}>{WHAT[record.status]}</Text>
          <Text size="sm" c="dimmed">
            {phase}
          </Text>
        </Group>
        <Progress
          value={p?.phase === 'reading' ? percent : 100}
          animated
          striped={p?.phase !== 'reading'}
          aria-label={`Progression : ${percent} %`}
        />
        {p !== null && p.phase !== 'undoing' && (
          <Text size="sm">
            {`${countFr(p.read, 'enregistrement lu', 'enregistrements lus')} · ${countFr(p.kept, 'retenu')} · ${countFr(p.flagged, 'signalé')} · ${formatNumber(p.outside)} hors du territoire · ${countFr(p.rejected, 'rejeté')}`}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
