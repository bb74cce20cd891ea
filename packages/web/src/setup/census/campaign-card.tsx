import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CensusCampaignView, OrganizationCensusProgressDto } from '@mutualis/contract';
import { useState } from 'react';
import { isApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { formatDateFr, formatDateTimeFr } from '../format-date-time';

interface CampaignCardProps {
  view: CensusCampaignView;
  progress: OrganizationCensusProgressDto;
  territorySlug: string;
  onChanged: () => void;
}

/** The open census on a member's first screen: deadline, families, what is missing, and the answer to give. */
export function CampaignCard({ view, progress, territorySlug, onChanged }: CampaignCardProps) {
  const [isBusy, setIsBusy] = useState(false);
  const campaign = view.campaign;
  if (!campaign) return null;
  const base = `/territories/${encodeURIComponent(territorySlug)}/census-campaign/responses`;
  const run = async (action: () => Promise<unknown>, message: string) => {
    setIsBusy(true);
    try {
      await action();
      notifications.show({ color: 'teal', message });
      onChanged();
    } catch (error) {
      notifications.show({ color: 'red', title: 'Action impossible', message: isApiError(error) ? error.message : 'Réessayez.' });
    } finally {
      setIsBusy(false);
    }
  };
  const answered = progress.status === 'answered';
  return (
    <Paper withBorder p="md" radius="md" bg={answered ? undefined : 'grape.0'} aria-labelledby="campaign-title">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4" id="campaign-title">
            {`Recensement « ${campaign.title} »`}
          </Title>
          <Badge color={answered ? 'teal' : view.isPastDeadline ? 'red' : 'grape'}>
            {answered ? 'Réponse envoyée' : view.isPastDeadline ? 'Date limite dépassée' : 'Réponse attendue'}
          </Badge>
        </Group>
        <Text>{`À rendre au plus tard le ${formatDateFr(campaign.deadline)}. Familles d’achat concernées : ${campaign.families.map((f) => f.name).join(', ')}.`}</Text>
        {campaign.message && <Text fs="italic">{`« ${campaign.message} »`}</Text>}
        <Text size="sm">
          {`Vous avez saisi ${progress.needCount} besoin${progress.needCount > 1 ? 's' : ''} et ${progress.contractCount} contrat${progress.contractCount > 1 ? 's' : ''} en cours dans ces familles.`}
          {progress.missingFamilies.length > 0 &&
            ` Sans besoin pour l’instant : ${progress.missingFamilies.map((f) => f.name).join(', ')}.`}
        </Text>
        {progress.lastRemindedAt && !answered && (
          <Alert color="orange" p="xs">{`L’animateur vous a relancé le ${formatDateTimeFr(progress.lastRemindedAt)}.`}</Alert>
        )}
        <Group gap="sm">
          {answered ? (
            <>
              <Text size="sm" c="dimmed">{`Réponse envoyée le ${formatDateTimeFr(progress.answeredAt ?? '')}.`}</Text>
              <Button
                variant="default"
                loading={isBusy}
                onClick={() => run(() => api.delete(`${base}/${encodeURIComponent(progress.organizationId)}`), 'Recensement rouvert.')}
              >
                Rouvrir ma réponse
              </Button>
            </>
          ) : (
            <Button
              loading={isBusy}
              onClick={() => run(() => api.post(base, { organizationId: progress.organizationId }), 'Réponse envoyée à l’animateur.')}
            >
              Mon recensement est complet
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
