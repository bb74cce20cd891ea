import { Alert, Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { isApiError } from '../api/api-error';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { useSession } from '../auth/session-context';
import { formatDateFr } from '../charts/french-dates';
import type { CoordinatorBoard } from '../opportunities/opportunity-types';
import { CoordinatorsTable } from './coordinators-table';
import { WorkloadBars } from './workload-bars';

interface CoordinatorsPageProps {
  slug: string;
}

type BoardItem = CoordinatorBoard['items'][number];

export default function CoordinatorsPage({ slug }: CoordinatorsPageProps) {
  const { session } = useSession();
  const path = `/territories/${encodeURIComponent(slug)}/coordinators`;
  const loaded = useApi<CoordinatorBoard>(path);
  const [board, setBoard] = useState<CoordinatorBoard | null>(null);
  const [savingId, setSavingId] = useState<string | null>(null);
  const canOverride = session.roles.some((r) => r.territorySlug === slug && r.role === 'facilitator');

  useEffect(() => setBoard(loaded.data), [loaded.data]);

  const override = async (item: BoardItem, organizationId: string | null) => {
    setSavingId(item.opportunityId);
    try {
      const next = await api.put<CoordinatorBoard>(`${path}/overrides`, {
        familyKey: item.family.key,
        cellKey: item.cell.code,
        organizationId,
      });
      setBoard(next);
      const name = item.members.find((m) => m.organizationId === organizationId)?.name;
      notifications.show({
        color: 'teal',
        message: name ? `${name} coordonnera « ${item.family.label} ».` : `« ${item.family.label} » revient au coordonnateur proposé.`,
      });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Modification impossible', message: isApiError(error) ? error.message : 'Réessayez.' });
    } finally {
      setSavingId(null);
    }
  };

  if (loaded.error)
    return (
      <Alert color="red" title="Coordonnateurs indisponibles">
        {loaded.error.status === 403 || loaded.error.status === 404
          ? 'Ce territoire n’existe pas ou ne vous est pas ouvert.'
          : loaded.error.message}
      </Alert>
    );
  if (!board)
    return (
      <Center py="xl">
        <Loader aria-label="Chargement des coordonnateurs" />
      </Center>
    );
  const maxLoad = Math.max(1, ...board.workloads.map((w) => w.load));
  const ignored = board.overrides.filter((o) => !o.isApplied);
  return (
    <Stack gap="lg" maw={1500} mx="auto">
      <div>
        <Title order={1}>Coordonnateurs</Title>
        <Text c="dimmed">
          {`Un coordonnateur par groupement, proposé d’après sa part du montant, son expérience de la famille (un marché en cours) et l’équilibre des charges entre membres · analyse au ${formatDateFr(board.now)}`}
        </Text>
      </div>
      {board.status === 'node_limit' && (
        <Alert color="yellow">
          La recherche de la meilleure répartition a été interrompue : la proposition est bonne mais peut-être pas optimale.
        </Alert>
      )}
      {ignored.length > 0 && (
        <Alert color="yellow" title="Choix non appliqués">
          {`${ignored.length} choix de l’animateur ne s’appliquent plus : l’organisation choisie n’est plus membre du groupement à cette date.`}
        </Alert>
      )}
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="sm">
          Coordonnateur de chaque groupement
        </Title>
        {canOverride && (
          <Text size="sm" c="dimmed" mb="xs">
            Pour imposer un autre membre, choisissez-le dans la liste (la charge qu’il porte déjà y est indiquée) ; le choix est enregistré
            aussitôt et s’applique aux prochaines analyses.
          </Text>
        )}
        <CoordinatorsTable slug={slug} items={board.items} canOverride={canOverride} savingId={savingId} onOverride={override} />
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4">
          Charge de coordination par membre
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Points par groupement coordonné, selon la procédure : 1 sans publicité, 2 MAPA, 3 MAPA avec avis, 5 appel d’offres. Les membres
          absents de la liste ne coordonnent aucun groupement.
        </Text>
        <WorkloadBars workloads={board.workloads} maxLoad={maxLoad} columns={2} />
      </Paper>
    </Stack>
  );
}
