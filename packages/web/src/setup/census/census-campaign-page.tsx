import { Alert, Badge, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CensusCampaignView, CensusReminderResult, PurchaseFamilyDto } from '@mutualis/contract';
import { useState } from 'react';
import { isApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useSession } from '../../auth/session-context';
import { ConfirmModal } from '../confirm-modal';
import { formatDateFr, formatDateTimeFr } from '../format-date-time';
import { CampaignForm } from './campaign-form';

const STATUSES = {
  answered: { label: 'A répondu', color: 'teal' },
  in_progress: { label: 'En cours', color: 'blue' },
  not_started: { label: 'Rien saisi', color: 'orange' },
} as const;

/** The census campaign of a territory: open one, see who answered and what is missing, remind the others, close it. */
export default function CensusCampaignPage({ slug }: { slug: string }) {
  const { session } = useSession();
  const base = `/territories/${encodeURIComponent(slug)}`;
  const { data, error, reload } = useApi<CensusCampaignView>(`${base}/census-campaign`);
  const families = useApi<{ items: PurchaseFamilyDto[] }>(`${base}/families`);
  const [isBusy, setIsBusy] = useState(false);
  const [isClosing, setIsClosing] = useState(false);
  const canManage = session.roles.some((r) => r.territorySlug === slug && r.role === 'facilitator');
  const campaign = data?.campaign ?? null;
  const isOpen = campaign !== null && campaign.closedAt === null;

  const remind = async (organizationIds?: string[]) => {
    setIsBusy(true);
    try {
      const result = await api.post<CensusReminderResult>(`${base}/census-campaign/reminders`, organizationIds ? { organizationIds } : {});
      const how =
        result.emailed > 0
          ? `, ${result.emailed} e-mail${result.emailed > 1 ? 's' : ''} envoyé${result.emailed > 1 ? 's' : ''}`
          : ' (visible sur leur écran d’accueil)';
      notifications.show({
        color: 'teal',
        message: `${result.reminded} organisation${result.reminded > 1 ? 's' : ''} relancée${result.reminded > 1 ? 's' : ''}${how}.`,
      });
      reload();
    } catch (caught) {
      notifications.show({ color: 'red', title: 'Relance impossible', message: isApiError(caught) ? caught.message : 'Réessayez.' });
    } finally {
      setIsBusy(false);
    }
  };

  if (error) return <Alert color="red">{error.message}</Alert>;
  if (!data) return <Loader aria-label="Chargement du recensement" />;
  const waiting = data.organizations.filter((o) => o.status !== 'answered');
  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <div>
        <Title order={1}>Recensement des besoins</Title>
        <Text c="dimmed">Une campagne à la fois : les membres saisissent leurs besoins et contrats, puis confirment leur réponse.</Text>
      </div>
      {!isOpen && canManage && (
        <CampaignForm
          slug={slug}
          families={families.data?.items ?? []}
          emailConfigured={data.emailConfigured}
          onOpened={(emailed) => {
            notifications.show({
              color: 'teal',
              message:
                emailed > 0
                  ? `Recensement ouvert : ${emailed} acheteur${emailed > 1 ? 's' : ''} prévenu${emailed > 1 ? 's' : ''} par e-mail.`
                  : 'Recensement ouvert.',
            });
            reload();
          }}
        />
      )}
      {campaign && (
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Group justify="space-between" gap="xs">
              <Title order={2} size="h4">{`« ${campaign.title} »${isOpen ? '' : ' (clos)'}`}</Title>
              <Group gap="xs">
                <Badge color="teal">{`${data.counts.answered} ${data.counts.answered > 1 ? 'ont répondu' : 'a répondu'}`}</Badge>
                <Badge color="blue">{`${data.counts.in_progress} en cours`}</Badge>
                <Badge color="orange">{`${data.counts.not_started} sans saisie`}</Badge>
              </Group>
            </Group>
            <Text size="sm">
              {`Date limite : ${formatDateFr(campaign.deadline)}${data.isPastDeadline && isOpen ? ' (dépassée)' : ''}. Familles : ${campaign.families.map((f) => f.name).join(', ')}.`}
            </Text>
            {isOpen && canManage && (
              <Group gap="sm">
                <Button loading={isBusy} disabled={waiting.length === 0} onClick={() => void remind()}>
                  {`Relancer ceux qui n’ont pas répondu (${waiting.length})`}
                </Button>
                <Button variant="default" onClick={() => setIsClosing(true)}>
                  Clore le recensement
                </Button>
              </Group>
            )}
            <Table.ScrollContainer minWidth={820}>
              <Table verticalSpacing="sm" aria-label="Réponses des membres">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Organisation</Table.Th>
                    <Table.Th>Réponse</Table.Th>
                    <Table.Th>Besoins</Table.Th>
                    <Table.Th>Contrats</Table.Th>
                    <Table.Th>Familles sans besoin</Table.Th>
                    <Table.Th>Dernière relance</Table.Th>
                    {isOpen && canManage && <Table.Th>Action</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.organizations.map((o) => (
                    <Table.Tr key={o.organizationId}>
                      <Table.Td>{o.name}</Table.Td>
                      <Table.Td>
                        <Badge color={STATUSES[o.status].color} variant="light">
                          {STATUSES[o.status].label}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{o.needCount}</Table.Td>
                      <Table.Td>{o.contractCount}</Table.Td>
                      <Table.Td>{o.missingFamilies.length === 0 ? '—' : o.missingFamilies.map((f) => f.name).join(', ')}</Table.Td>
                      <Table.Td>{o.lastRemindedAt ? `${formatDateTimeFr(o.lastRemindedAt)} (${o.reminderCount})` : '—'}</Table.Td>
                      {isOpen && canManage && (
                        <Table.Td>
                          {o.status !== 'answered' && (
                            <Button size="xs" variant="light" loading={isBusy} onClick={() => void remind([o.organizationId])}>
                              Relancer
                            </Button>
                          )}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {data.organizations.length === 0 && (
              <Text c="dimmed">Aucun acheteur public sur le territoire : ajoutez d’abord les organisations.</Text>
            )}
          </Stack>
        </Paper>
      )}
      <ConfirmModal
        opened={isClosing}
        title="Clore le recensement"
        message="Les membres ne pourront plus y répondre. Leurs besoins restent enregistrés et les analyses continuent."
        confirmLabel="Clore"
        onCancel={() => setIsClosing(false)}
        onConfirm={async () => {
          try {
            await api.post(`${base}/census-campaign/close`, {});
            setIsClosing(false);
            reload();
          } catch (caught) {
            notifications.show({ color: 'red', title: 'Clôture impossible', message: isApiError(caught) ? caught.message : 'Réessayez.' });
          }
        }}
      />
    </Stack>
  );
}
