import '@mantine/charts/styles.css';
import { Alert, Button, Center, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { DashboardDto } from '@mutualis/contract';
import { useApi } from '../api/use-api';
import { useSession } from '../auth/session-context';
import { downloadUrl } from '../imports/upload-file';
import { formatWholeEuros } from '../format/money';
import { frenchDate } from '../lifecycle/lifecycle-labels';
import { WithheldNote } from '../opportunities/withheld-figures';
import { AppLink } from '../router/app-link';
import { paths } from '../router/routes';
import { LocalShareDonuts, SavingsPipelineChart, StatusChart } from './dashboard-charts';

function Figure({ label, value, hint }: { label: string; value: string; hint: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase">
        {label}
      </Text>
      <Text fz={26} fw={700}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Paper>
  );
}

/** What a territory without any groupement shows instead of charts of zeros: what to do to fill it. */
function DashboardEmptyState({ slug }: { slug: string }) {
  const { session } = useSession();
  const isFacilitator = session.roles.some((r) => r.role === 'facilitator' && r.territorySlug === slug);
  return (
    <Paper withBorder p="xl" radius="md">
      <Stack align="center" gap="sm" maw={640} mx="auto" ta="center">
        <Title order={2} size="h3">
          Aucun groupement pour l’instant
        </Title>
        <Text c="dimmed">
          Le tableau de bord suit les groupements de commandes du territoire : la dépense mise en commun, les économies estimées au
          lancement, engagées à l’attribution puis réalisées d’après les consommations. Il se remplit dès qu’un premier groupement est créé.
        </Text>
        {isFacilitator ? (
          <>
            <Text>Ouvrez une opportunité de groupement, puis « Créer le groupement » : sa convention se rédige à partir de l’analyse.</Text>
            <Group>
              <Button component={AppLink} to={paths.opportunities(slug)}>
                Voir les opportunités
              </Button>
              <Button component={AppLink} to={paths.groupements(slug)} variant="default">
                Groupements
              </Button>
            </Group>
          </>
        ) : (
          <Text>
            L’animateur du territoire crée les groupements à partir des{' '}
            <AppLink to={paths.opportunities(slug)}>opportunités de groupement</AppLink> ; vous les retrouverez ici.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** The territory dashboard: pooled spend, savings pipeline, local and SME shares, statuses, next 12 months. */
export default function DashboardPage({ slug }: { slug: string }) {
  const path = `/territories/${encodeURIComponent(slug)}/dashboard`;
  const { data, error } = useApi<DashboardDto>(path);
  if (error)
    return (
      <Alert color="red" title="Tableau de bord indisponible">
        {error.status === 403 || error.status === 404 ? 'Ce territoire n’existe pas ou ne vous est pas ouvert.' : error.message}
      </Alert>
    );
  if (!data)
    return (
      <Center py="xl">
        <Loader aria-label="Chargement du tableau de bord" />
      </Center>
    );
  return (
    <Stack gap="lg" maw={1400} mx="auto">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Tableau de bord des achats mutualisés</Title>
          <Text c="dimmed">{`${data.territory.name} · situation au ${frenchDate(data.now)}`}</Text>
        </div>
        {data.groupements.length > 0 && (
          <Group>
            <Button component="a" variant="light" href={downloadUrl(`${path}.xlsx`)}>
              Exporter (Excel)
            </Button>
            <Button component="a" variant="default" href={downloadUrl(`${path}.pdf`)}>
              Exporter (PDF)
            </Button>
          </Group>
        )}
      </Group>
      {data.groupements.length === 0 ? <DashboardEmptyState slug={slug} /> : <DashboardFigures data={data} />}
    </Stack>
  );
}

function DashboardFigures({ data }: { data: DashboardDto }) {
  return (
    <>
      {data.withheld && (
        <WithheldNote
          withheld={data.withheld}
          title={`Totaux hors ${data.withheldGroupements} groupement(s) dont les chiffres ne vous sont pas communiqués`}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Figure label="Dépense mutualisée" value={formatWholeEuros(data.pooledSpendCents)} hint="par an, groupements lancés" />
        <Figure
          label="Économies estimées"
          value={formatWholeEuros(data.savings.estimated.central)}
          hint="par an, estimation centrale au lancement"
        />
        <Figure
          label="Économies engagées"
          value={data.savings.committedCents === null ? 'Inconnues' : formatWholeEuros(data.savings.committedCents)}
          hint={
            data.savings.committedCents === null
              ? `calculables : ${formatWholeEuros(data.savings.committedKnownCents)} (voir pourquoi ci-dessous)`
              : 'par an, aux prix attribués'
          }
        />
        <Figure
          label="Économies réalisées"
          value={data.savings.realisedCents === null ? 'Inconnues' : formatWholeEuros(data.savings.realisedCents)}
          hint={
            data.savings.realisedCents === null
              ? `calculables : ${formatWholeEuros(data.savings.realisedKnownCents)} (voir pourquoi ci-dessous)`
              : 'à ce jour, d’après les consommations'
          }
        />
      </SimpleGrid>
      {(data.savings.committedUnknown !== null || data.savings.realisedUnknown !== null) && (
        <Alert color="orange" variant="light" title="Économies qui ne peuvent pas être calculées" data-testid="savings-unknown">
          {[data.savings.committedUnknown, data.savings.realisedUnknown].filter((r) => r !== null).join(' ')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, lg: 3 }}>
        <SavingsPipelineChart dashboard={data} />
        <LocalShareDonuts dashboard={data} />
        <StatusChart dashboard={data} />
      </SimpleGrid>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="sm">
          Les 12 prochains mois : lancements et fins de marché
        </Title>
        {data.calendar.length === 0 ? (
          <Text c="dimmed">Aucune échéance dans les 12 prochains mois.</Text>
        ) : (
          <Table striped aria-label="Échéances des 12 prochains mois">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>Échéance</Table.Th>
                <Table.Th>Groupement</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.calendar.map((e) => (
                <Table.Tr key={`${e.kind}-${e.groupementId}-${e.on}-${e.label}`}>
                  <Table.Td>{frenchDate(e.on)}</Table.Td>
                  <Table.Td>{e.label}</Table.Td>
                  <Table.Td>{e.groupementName}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </>
  );
}
