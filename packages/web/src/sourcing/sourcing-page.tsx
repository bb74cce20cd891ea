import { Alert, Badge, Center, Group, Loader, Paper, RingProgress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { SourcingResultDto } from '@mutualis/contract';
import { useApi } from '../api/use-api';
import { useSession } from '../auth/session-context';
import { formatNumber } from '../format/number';
import { AppLink } from '../router/app-link';
import { paths } from '../router/routes';
import { unitName } from '../reference/units';
import { ChainPrerequisites } from './chain-prerequisites';
import { SupplyChainGraph } from './supply-chain-graph';
import { usePageTitle } from '../shell/use-page-title';

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** The local supply chain of an opportunity's pooled need (sourcing, R2111-1). */
export default function SourcingPage({ slug, id }: { slug: string; id: string }) {
  const { data, error } = useApi<SourcingResultDto>(
    `/territories/${encodeURIComponent(slug)}/opportunities/${encodeURIComponent(id)}/sourcing`,
  );
  usePageTitle(data ? `Filière locale : ${data.need.label}` : null);
  const { session } = useSession();
  const canEditRecipes = session.roles.some((r) => r.territorySlug === slug && r.role === 'facilitator');
  // Only a facilitator may edit recipes: the link to the recipe used is theirs.
  const recipeId = canEditRecipes ? (data?.recipeId ?? null) : null;
  if (error)
    return (
      <Alert color="red" title="Sourcing indisponible">
        {error.message}
      </Alert>
    );
  if (!data)
    return (
      <Center py="xl">
        <Loader aria-label="Chargement du sourcing" />
      </Center>
    );
  const { coverage, need } = data;
  return (
    <Stack gap="md" maw={1500} mx="auto">
      <AppLink to={paths.opportunity(slug, id)} size="sm">
        ← Retour à l’opportunité
      </AppLink>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Filière locale : {need.label}</Title>
          <Text c="dimmed">
            Volume groupé {formatNumber(need.quantity)} {unitName(need.unit, need.quantity)} par an, livré dans{' '}
            {need.deliveryCommunes.length} commune
            {need.deliveryCommunes.length > 1 ? 's' : ''}.
          </Text>
        </div>
        <AppLink to={paths.lots(slug, id)}>Concevoir les lots →</AppLink>
      </Group>
      <Alert color="blue" variant="light" title="Sourcing, pas critère d’attribution">
        {data.notice} Chaque échange avec une entreprise est consigné dans le journal des contacts pour garantir l’égalité de traitement.
      </Alert>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Paper withBorder p="md" radius="md">
          <Group>
            <RingProgress
              size={110}
              thickness={12}
              sections={[{ value: coverage.share * 100, color: 'teal' }]}
              label={
                <Text ta="center" fw={700}>
                  {percent(coverage.share)}
                </Text>
              }
            />
            <div>
              <Text fw={700}>Part du volume que les entreprises locales peuvent servir</Text>
              <Text size="sm" c="dimmed">
                Fournisseurs actuels {percent(coverage.directShare)} · producteurs potentiels {percent(coverage.producerShare)}
              </Text>
            </div>
          </Group>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Text fw={700}>Intrants</Text>
          <Text size="sm">
            {coverage.allInputsSourced
              ? 'Chaque intrant de la recette a au moins une source locale.'
              : 'Au moins un intrant n’a aucune source locale.'}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            Recette : {data.recipeLabel ?? 'aucune'}
          </Text>
          {recipeId && (
            <AppLink to={`${paths.recipes(slug)}?modifier=${encodeURIComponent(recipeId)}`} size="xs">
              modifier la recette
            </AppLink>
          )}
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Text fw={700}>Positions</Text>
          <Text size="sm" c="dimmed">
            {data.positionNote}
          </Text>
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h3" mb="xs">
          Graphe de la filière
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Survolez une entreprise ou un intrant pour lire l’explication.
        </Text>
        <SupplyChainGraph result={data} />
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h3" mb="xs">
          Producteurs potentiels
        </Title>
        <Table.ScrollContainer minWidth={900}>
          <Table striped aria-label="Producteurs potentiels">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Entreprise</Table.Th>
                <Table.Th>Compétences couvertes</Table.Th>
                <Table.Th>Manquantes</Table.Th>
                <Table.Th>Couverture</Table.Th>
                <Table.Th>Prérequis bloquants manquants</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.potentialProducers.map((p) => (
                <Table.Tr key={p.firmId}>
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {p.covered.map((c) => (
                        <Badge key={c.code} size="sm" color="teal" variant="light" tt="none">
                          {c.label}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {p.missing.map((c) => (
                        <Badge key={c.code} size="sm" color="orange" variant="light" tt="none">
                          {c.label}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{percent(p.competenceCoverage)}</Table.Td>
                  <Table.Td>
                    <Stack gap={2} maw={320}>
                      {p.missingPrerequisites.length === 0 ? (
                        <Text size="sm">aucun</Text>
                      ) : (
                        p.missingPrerequisites.map((q) => (
                          <Text key={q.code} size="xs" c="red.8" title={q.article}>
                            {q.label}
                          </Text>
                        ))
                      )}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <ChainPrerequisites result={data} />
    </Stack>
  );
}
