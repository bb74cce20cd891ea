import { Alert, Badge, Button, Group, Loader, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { AccountRequestDecisionResult, AccountRequestDto, LinkDelivery } from '@mutualis/contract';
import { useState } from 'react';
import { isApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { formatDateTimeFr } from '../format-date-time';
import { LinkDeliveryNotice } from '../link-delivery';

const STATUSES = {
  pending: { label: 'À examiner', color: 'orange' },
  approved: { label: 'Approuvée', color: 'teal' },
  rejected: { label: 'Refusée', color: 'gray' },
} as const;

/** Firms that found a public forecast and asked for an account: the facilitator approves or refuses each. */
export default function AccountRequestsPage({ slug }: { slug: string }) {
  const base = `/territories/${encodeURIComponent(slug)}/account-requests`;
  const { data, error, reload } = useApi<{ items: AccountRequestDto[] }>(base);
  const [delivery, setDelivery] = useState<{ delivery: LinkDelivery; recipient: string } | null>(null);
  const items = data?.items ?? [];
  return (
    <Stack gap="lg" maw={1100} mx="auto">
      <div>
        <Title order={1}>Demandes d’accès des entreprises</Title>
        <Text c="dimmed">
          Les entreprises qui consultent les prévisions publiques peuvent demander un compte. Approuver l’ajoute au territoire et l’invite à
          compléter son profil.
        </Text>
      </div>
      {delivery && <LinkDeliveryNotice delivery={delivery.delivery} recipient={delivery.recipient} />}
      {error && <Alert color="red">{error.message}</Alert>}
      {data === null && !error ? (
        <Loader aria-label="Chargement des demandes" />
      ) : items.length === 0 ? (
        <Text c="dimmed">Aucune demande pour l’instant. Le lien « Demandez un compte » figure sur la page publique des prévisions.</Text>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} aria-label="Demandes d’accès">
          {items.map((request) => (
            <RequestCard
              key={request.id}
              request={request}
              base={base}
              onDecided={(result) => {
                if (result.link) setDelivery({ delivery: result.link, recipient: `${request.contactName} (${request.email})` });
                reload();
              }}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function RequestCard({
  request,
  base,
  onDecided,
}: {
  request: AccountRequestDto;
  base: string;
  onDecided: (r: AccountRequestDecisionResult) => void;
}) {
  const [note, setNote] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const decide = async (decision: 'approve' | 'reject') => {
    setIsBusy(true);
    try {
      const result = await api.post<AccountRequestDecisionResult>(`${base}/${encodeURIComponent(request.id)}/decision`, {
        decision,
        note: note.trim(),
      });
      notifications.show({
        color: 'teal',
        message: decision === 'approve' ? `${request.organizationName} rejoint le territoire.` : 'Demande refusée.',
      });
      onDecided(result);
    } catch (caught) {
      notifications.show({ color: 'red', title: 'Décision impossible', message: isApiError(caught) ? caught.message : 'Réessayez.' });
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <Paper withBorder p="md" radius="md" component="li" style={{ listStyle: 'none' }}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Text fw={700}>{request.organizationName}</Text>
          <Badge color={STATUSES[request.status].color} variant="light">
            {STATUSES[request.status].label}
          </Badge>
        </Group>
        <Text size="sm">{`SIRET ${request.siret} · ${request.communeName ?? request.inseeCode} · reçue le ${formatDateTimeFr(request.createdAt)}`}</Text>
        <Text size="sm">{`${request.contactName} · ${request.email}${request.phone ? ` · ${request.phone}` : ''}`}</Text>
        {request.message && <Text size="sm" fs="italic">{`« ${request.message} »`}</Text>}
        {request.existingOrganizationName && (
          <Text
            size="sm"
            c="blue.8"
          >{`Ce SIRET est déjà celui de « ${request.existingOrganizationName} » : l’approbation l’ajoutera au territoire.`}</Text>
        )}
        {request.status === 'pending' ? (
          <>
            <Textarea
              label="Note (envoyée avec un refus)"
              autosize
              minRows={1}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <Group gap="sm">
              <Button loading={isBusy} onClick={() => void decide('approve')}>
                Approuver et inviter
              </Button>
              <Button variant="default" loading={isBusy} onClick={() => void decide('reject')}>
                Refuser
              </Button>
            </Group>
          </>
        ) : (
          request.decisionNote && <Text size="sm" c="dimmed">{`Note : ${request.decisionNote}`}</Text>
        )}
      </Stack>
    </Paper>
  );
}
