import { Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { countFr, type ImportRecordDto } from '@mutualis/contract';
import { useState } from 'react';
import { formatNumber } from '../format/number';

const STATUS: Record<ImportRecordDto['status'], { label: string; color: string }> = {
  previewing: { label: 'aperçu en cours', color: 'blue' },
  previewed: { label: 'aperçu, non confirmé', color: 'gray' },
  running: { label: 'en cours', color: 'blue' },
  done: { label: 'terminé', color: 'green' },
  failed: { label: 'échoué, rien n’est resté', color: 'red' },
  undoing: { label: 'annulation en cours', color: 'orange' },
  undone: { label: 'annulé', color: 'gray' },
};

const when = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short' });

function outcomeOf(record: ImportRecordDto): string {
  if (record.decpResult !== null)
    return `${countFr(record.decpResult.imported, 'contrat importé')}, ${formatNumber(record.decpResult.updated)} mis à jour`;
  if (record.censusResult !== null && !record.censusResult.dryRun)
    return `${countFr(record.censusResult.stored.created, 'besoin créé')}, ${formatNumber(record.censusResult.stored.updated)} mis à jour`;
  return record.error ?? '';
}

interface ImportHistoryProps {
  imports: readonly ImportRecordDto[];
  onUndo: (record: ImportRecordDto) => void;
  isBusy: boolean;
}

/** Who imported what and when, newest first; a finished import can be undone as a whole. */
export function ImportHistory({ imports, onUndo, isBusy }: ImportHistoryProps) {
  const [asked, setAsked] = useState<ImportRecordDto | null>(null);
  if (imports.length === 0) return <Text c="dimmed">Aucun import pour ce territoire.</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={820}>
        <Table striped withTableBorder aria-label="Historique des imports">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Date</Table.Th>
              <Table.Th>Import</Table.Th>
              <Table.Th>Par</Table.Th>
              <Table.Th>État</Table.Th>
              <Table.Th>Résultat</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {imports.map((record) => (
              <Table.Tr key={record.id}>
                <Table.Td>{when.format(new Date(record.createdAt))}</Table.Td>
                <Table.Td>
                  <Text size="sm">{`${record.kind === 'decp' ? 'DECP' : 'Recensement'} : ${record.fileNames.join(', ')}`}</Text>
                </Table.Td>
                <Table.Td>{record.actor}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={STATUS[record.status].color}>
                    {STATUS[record.status].label}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{outcomeOf(record)}</Text>
                </Table.Td>
                <Table.Td>
                  {record.status === 'done' && (
                    <Button size="xs" variant="light" color="red" onClick={() => setAsked(record)} disabled={isBusy}>
                      Annuler l’import
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal opened={asked !== null} onClose={() => setAsked(null)} title="Annuler cet import ?">
        <Stack>
          <Text size="sm">
            {`Les contrats, les besoins proposés et les adhésions qu’il a créés sont retirés, les contrats qu’il avait modifiés retrouvent leurs valeurs, et les organisations qu’il a créées sont supprimées si rien d’autre ne s’y rapporte. Les besoins qu’un acheteur a confirmés sont conservés.`}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsked(null)}>
              Garder l’import
            </Button>
            <Button
              color="red"
              onClick={() => {
                if (asked) onUndo(asked);
                setAsked(null);
              }}
            >
              Annuler l’import
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
