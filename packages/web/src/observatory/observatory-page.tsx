import { countFr, describeDecpCoverage } from '@mutualis/contract';
import { Alert, Center, Group, Loader, Pagination, Paper, Select, Stack, Switch, Text, Title } from '@mantine/core';
import type { ObservatoryDepartementsDto, ObservatoryListDto } from '@mutualis/contract';
import { useState } from 'react';
import { useApi } from '../api/use-api';
import { formatNumber } from '../format/number';
import { paginationLabels } from '../opportunities/pagination-labels';
import { navigate } from '../router/navigation';
import { paths } from '../router/routes';
import { ObservatoryDepartementsTable } from './observatory-departements-table';
import { ObservatoryEvidenceModal } from './observatory-evidence-modal';
import { ObservatoryOpportunitiesTable } from './observatory-opportunities-table';
import { withFrenchSpacing } from '../format/french-spacing';
import { rareHiddenText } from '../opportunities/rare-hidden';

const PAGE_SIZE = 20;

interface ObservatoryPageProps {
  departement: string | null;
}

/** Opportunities found in open data alone (DECP), for any département of France. */
export default function ObservatoryPage({ departement }: ObservatoryPageProps) {
  const overview = useApi<ObservatoryDepartementsDto>('/observatory/departements');
  const [includeRare, setIncludeRare] = useState(false);
  const [page, setPage] = useState(1);
  const [opened, setOpened] = useState<string | null>(null);
  const list = useApi<ObservatoryListDto>(
    departement ? `/observatory/departements/${encodeURIComponent(departement)}/opportunities` : null,
    {
      includeRare: includeRare || undefined,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    },
  );
  const source = list.data?.source ?? overview.data?.source;
  const choose = (code: string | null) => {
    setPage(1);
    navigate(paths.observatory(code ?? undefined));
  };
  const options = (overview.data?.departements ?? []).map((d) => ({
    value: d.code,
    label: `${d.code} · ${d.name} (${formatNumber(d.opportunityCount)})`,
  }));
  return (
    <Stack gap="lg" maw={1500} mx="auto">
      <div>
        <Title order={1}>Observatoire des données ouvertes</Title>
        <Text c="dimmed">
          {withFrenchSpacing(
            'Opportunités de groupement trouvées dans les seules données essentielles de la commande publique (DECP) : acheteurs d’un même ' +
              'département qui publient des marchés de la même famille. Classées d’abord par mutualisabilité, puis par montant.' +
              (source
                ? ` Source : ${countFr(source.contractCount, 'marché publié')} de ${countFr(source.buyerCount, 'acheteur')}, à jour au ${new Date(source.updatedAt).toLocaleString('fr-FR')}.`
                : ''),
          )}
        </Text>
      </div>
      {overview.error && (
        <Alert color="red" title="Observatoire indisponible">
          {overview.error.message}
        </Alert>
      )}
      <Paper withBorder p="md" radius="md">
        <Stack>
          <Group align="flex-end" gap="md">
            <Select
              label="Département"
              placeholder="Choisir un département"
              data={options}
              value={departement}
              onChange={choose}
              searchable
              clearable
              nothingFoundMessage="Aucun département"
              w={320}
            />
            {departement && (
              <Switch
                label={`Afficher les opportunités rarement mutualisées${list.data ? ` (${list.data.rareCount})` : ''}`}
                description="Travaux liés à un site, prestations intellectuelles ponctuelles"
                checked={includeRare}
                onChange={(event) => {
                  setIncludeRare(event.currentTarget.checked);
                  setPage(1);
                }}
                mb={8}
              />
            )}
          </Group>
          {departement === null ? (
            overview.data ? (
              <ObservatoryDepartementsTable departements={overview.data.departements} onChoose={choose} />
            ) : (
              <Center py="xl">
                <Loader aria-label="Chargement des départements" />
              </Center>
            )
          ) : list.error ? (
            <Alert color="red" title="Département indisponible">
              {list.error.message}
            </Alert>
          ) : list.data === null ? (
            <Center py="xl">
              <Loader aria-label="Chargement des opportunités" />
            </Center>
          ) : list.data.items.length === 0 ? (
            <Text c="dimmed" py="lg" ta="center">
              {withFrenchSpacing(
                list.data.rareCount > 0 && !includeRare
                  ? `Aucune opportunité courante dans ce département ; ${rareHiddenText(list.data.rareCount)}.`
                  : 'Aucune opportunité dans ce département d’après les données ouvertes : il faut au moins deux acheteurs publiant des marchés de la même famille.',
              )}
            </Text>
          ) : (
            <>
              <ObservatoryOpportunitiesTable items={list.data.items} onOpen={setOpened} />
              <Group justify="space-between">
                <Text size="sm" c="dimmed" aria-live="polite">
                  {`${countFr(list.data.total, 'opportunité')} dans le département ${list.data.departement.ofName}`}
                </Text>
                <Pagination
                  total={Math.max(1, Math.ceil(list.data.total / PAGE_SIZE))}
                  value={page}
                  onChange={setPage}
                  getControlProps={paginationLabels}
                />
              </Group>
            </>
          )}
        </Stack>
      </Paper>
      <Text size="xs" c="dimmed">
        {withFrenchSpacing(
          'Montants publiés par les acheteurs, ramenés à l’année sur la durée de chaque marché (reconductions comprises ; pour un ' +
            `accord-cadre, son maximum) : des ordres de grandeur à confirmer avec eux, jamais des besoins recensés. ${describeDecpCoverage()}`,
        )}
      </Text>
      {departement && opened && <ObservatoryEvidenceModal departement={departement} familyCode={opened} onClose={() => setOpened(null)} />}
    </Stack>
  );
}
