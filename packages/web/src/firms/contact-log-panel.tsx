import { Alert, Button, Group, Paper, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ContactChannel, ContactListDto, FirmListDto } from '@mutualis/contract';
import { useState } from 'react';
import { isApiError } from '../api/api-error';
import { api } from '../api/client';
import { useApi } from '../api/use-api';

const CHANNELS: { value: ContactChannel; label: string }[] = [
  { value: 'email', label: 'Courriel' },
  { value: 'telephone', label: 'Téléphone' },
  { value: 'reunion', label: 'Réunion' },
  { value: 'visite', label: 'Visite' },
  { value: 'courrier', label: 'Courrier' },
  { value: 'plateforme', label: 'Plateforme Mutualis' },
];
const channelLabel = (value: string) => CHANNELS.find((c) => c.value === value)?.label ?? value;
const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short' });

interface ContactLogPanelProps {
  slug: string;
  canLog: boolean;
}

/** Every exchange with a firm, logged so the territory can show equal treatment (R2111-1). */
export function ContactLogPanel({ slug, canLog }: ContactLogPanelProps) {
  const firms = useApi<FirmListDto>(canLog ? `/territories/${encodeURIComponent(slug)}/firms` : null, { limit: 200 }).data?.items ?? [];
  const log = useApi<ContactListDto>(`/territories/${encodeURIComponent(slug)}/contacts`, { limit: 20 });
  const [firm, setFirm] = useState<string | null>(null);
  const [channel, setChannel] = useState<string | null>('telephone');
  const [subject, setSubject] = useState('');
  const submit = async () => {
    try {
      await api.post(`/territories/${encodeURIComponent(slug)}/contacts`, { firm, channel, subject });
      setSubject('');
      log.reload();
      notifications.show({ color: 'teal', message: 'Contact consigné.' });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Contact non consigné', message: isApiError(error) ? error.message : 'Réessayez.' });
    }
  };
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h3" mb="xs">
        Journal des contacts avec les entreprises
      </Title>
      {log.data && (
        <Alert color="blue" variant="light" mb="md">
          {log.data.notice}
        </Alert>
      )}
      {canLog && (
        <Group align="flex-end" mb="md">
          <Select
            label="Entreprise"
            data={firms.map((f) => ({ value: f.id, label: f.name }))}
            value={firm}
            onChange={setFirm}
            searchable
            w={280}
          />
          <Select label="Canal" data={CHANNELS} value={channel} onChange={setChannel} w={180} />
          <TextInput label="Objet" value={subject} onChange={(e) => setSubject(e.currentTarget.value)} w={320} />
          <Button onClick={submit} disabled={!firm || !channel || subject.trim() === ''}>
            Consigner
          </Button>
        </Group>
      )}
      {log.data && log.data.items.length === 0 && <Text c="dimmed">Aucun contact consigné.</Text>}
      {log.data && log.data.items.length > 0 && (
        <Table striped aria-label="Journal des contacts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Date</Table.Th>
              <Table.Th>Entreprise</Table.Th>
              <Table.Th>Canal</Table.Th>
              <Table.Th>Objet</Table.Th>
              <Table.Th>Par</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {log.data.items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{dateTime.format(new Date(c.occurredAt))}</Table.Td>
                <Table.Td>{c.firm.name}</Table.Td>
                <Table.Td>{channelLabel(c.channel)}</Table.Td>
                <Table.Td>{c.subject}</Table.Td>
                <Table.Td>{c.loggedBy ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
