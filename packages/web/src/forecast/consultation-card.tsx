import { countFr, formatQuantityInUnitFr } from '@mutualis/contract';
import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { PublicConsultationDto } from '@mutualis/contract';
import type { ReactNode } from 'react';

const longDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });
export const formatDay = (iso: string) => longDate.format(new Date(`${iso}T00:00:00Z`)).replace(/^1 /, '1er ');

/** One planned consultation: what, how much, which lots, when. Only published fields. */
export function ConsultationCard({ consultation, children }: { consultation: PublicConsultationDto; children?: ReactNode }) {
  const c = consultation;
  return (
    <Paper withBorder p="md" radius="md" aria-label={`Consultation ${c.title}`} component="section">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h3">
              {c.title}
            </Title>
            <Text size="sm" c="dimmed">
              CPV {c.cpvCode} · {c.buyerCount} acheteurs publics groupés
              {c.volume !== null && ` · ${formatQuantityInUnitFr(Math.round(c.volume), c.unit ?? '')} par an`}
            </Text>
          </div>
          <Stack gap={4} align="flex-end">
            <Badge size="lg" color="blue" variant="light">
              Lancement prévu : {formatDay(c.launchDate)}
            </Badge>
            <Text size="xs" c="dimmed">
              Début d’exécution : {formatDay(c.startDate)}
            </Text>
          </Stack>
        </Group>
        <Table withTableBorder aria-label={`Lots de ${c.title}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Lot envisagé</Table.Th>
              <Table.Th>Volume annuel estimé</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.lots.map((lot) => (
              <Table.Tr key={lot.id}>
                <Table.Td>{lot.label}</Table.Td>
                <Table.Td>{lot.volume === null ? '—' : formatQuantityInUnitFr(Math.round(lot.volume), lot.unit ?? '')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {c.maxLotsPerBidder !== null && (
          <Text size="sm">{`Un même opérateur ne pourra remporter plus de ${countFr(c.maxLotsPerBidder, 'lot')}.`}</Text>
        )}
        {c.notes && <Text size="sm">{c.notes}</Text>}
        {children}
      </Stack>
    </Paper>
  );
}
