import { Alert, Center, Group, Loader, Pagination, Paper, Stack, Text, Title } from '@mantine/core';
import { formatDateFr } from '../charts/french-dates';
import { useFamilies } from '../families/use-families';
import { formatWholeEuros } from '../format/money';
import { formatNumber } from '../format/number';
import { OpportunitiesFilters } from './opportunities-filters';
import { OpportunitiesTable } from './opportunities-table';
import { paginationLabels } from './pagination-labels';
import { OPPORTUNITIES_PAGE_SIZE, useOpportunitiesQuery } from './use-opportunities-query';
import { useTerritoryBuyers } from './use-territory-organizations';
import { withFrenchSpacing } from '../format/french-spacing';
import { rareHiddenText } from './rare-hidden';

interface OpportunitiesPageProps {
  slug: string;
}

export default function OpportunitiesPage({ slug }: OpportunitiesPageProps) {
  const query = useOpportunitiesQuery(slug);
  const { families } = useFamilies(slug);
  const buyers = useTerritoryBuyers(slug);

  if (query.error) {
    const message =
      query.error.status === 403 || query.error.status === 404
        ? 'Ce territoire n’existe pas ou ne vous est pas ouvert.'
        : query.error.message;
    return (
      <Alert color="red" title="Opportunités indisponibles">
        {message}
      </Alert>
    );
  }
  const first = (query.page - 1) * OPPORTUNITIES_PAGE_SIZE + 1;
  const shown = query.items.filter((o) => o.annualAmountCents !== null);
  const pooled = shown.reduce((sum, o) => sum + (o.annualAmountCents ?? 0), 0);
  const pooledText =
    shown.length === query.items.length
      ? `${formatWholeEuros(pooled)} par an sur cette page`
      : `${formatWholeEuros(pooled)} par an sur les ${shown.length} opportunités de cette page dont le total vous est communiqué`;
  return (
    <Stack gap="lg" maw={1500} mx="auto">
      <div>
        <Title order={1}>Opportunités de groupement</Title>
        <Text c="dimmed">
          {query.data
            ? `Besoins qui gagneraient à être achetés ensemble, classés d’abord par mutualisabilité (familles déjà mutualisées ailleurs, puis achats récurrents, puis ponctuels), ensuite par montant annuel mutualisé · analyse au ${formatDateFr(query.data.now)} · montants hors taxes`
            : ' '}
        </Text>
      </div>
      <Paper withBorder p="md" radius="md">
        <Stack>
          <OpportunitiesFilters
            filters={query.filters}
            onChange={query.setFilters}
            families={families}
            buyers={buyers}
            rareCount={query.data?.rareCount ?? null}
          />
          {query.data?.scopeNote && (
            <Alert color="blue" title="Regroupement par département" data-testid="scope-note">
              {query.data.scopeNote}
            </Alert>
          )}
          {query.data === null ? (
            <Center py="xl">
              <Loader aria-label="Chargement des opportunités" />
            </Center>
          ) : query.items.length === 0 ? (
            <Text c="dimmed" py="lg" ta="center">
              {withFrenchSpacing(
                query.data.rareCount > 0 && !query.filters.includeRare
                  ? `Aucune opportunité courante ne correspond à ces filtres ; ${rareHiddenText(query.data.rareCount)}.`
                  : 'Aucune opportunité ne correspond à ces filtres : il faut au moins deux acheteurs ayant un besoin de la même famille.',
              )}
            </Text>
          ) : (
            <OpportunitiesTable slug={slug} at={query.filters.at} items={query.items} />
          )}
          {query.total > 0 && (
            <Group justify="space-between">
              <Text size="sm" c="dimmed" aria-live="polite">
                {`Opportunités ${formatNumber(first)} à ${formatNumber(first + query.items.length - 1)} sur ${formatNumber(query.total)} · ${pooledText}`}
              </Text>
              <Pagination total={query.pageCount} value={query.page} onChange={query.setPage} getControlProps={paginationLabels} />
            </Group>
          )}
        </Stack>
      </Paper>
      <Text size="xs" c="dimmed">
        Les économies sont des fourchettes indicatives (basse à haute), jamais des montants garantis ; le détail de chaque opportunité en
        donne les hypothèses. « Seuil franchi » : en se groupant, au moins un membre passe à une procédure plus lourde que s’il achetait
        seul. Un membre ne voit un total que si au moins deux autres membres y contribuent : sinon, le total révélerait le montant de
        l’autre.
      </Text>
    </Stack>
  );
}
