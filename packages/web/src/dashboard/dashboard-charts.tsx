import { BarChart, DonutChart } from '@mantine/charts';
import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { DashboardDto } from '@mutualis/contract';
import { formatCompactEuros, formatWholeEuros } from '../format/money';

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)} %`);

/** Estimated vs committed vs realised savings, as three bars a reader compares at a glance. */
export function SavingsPipelineChart({ dashboard }: { dashboard: DashboardDto }) {
  const { savings } = dashboard;
  const data = [
    { step: 'Estimées', amount: savings.estimated.central },
    // An unknown total draws its computable part, and says so in its label.
    { step: savings.committedCents === null ? 'Engagées (partiel)' : 'Engagées', amount: savings.committedKnownCents },
    { step: savings.realisedCents === null ? 'Réalisées (partiel)' : 'Réalisées', amount: savings.realisedKnownCents },
  ];
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4">
        Économies : de l’estimation à la réalité
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {`Estimées : au lancement, par an (fourchette ${formatWholeEuros(savings.estimated.low)} à ${formatWholeEuros(savings.estimated.high)}). Engagées : aux prix attribués, par an. Réalisées : d’après les consommations saisies, à ce jour.`}
      </Text>
      {data.every((d) => d.amount === 0) ? (
        <Text c="dimmed" py="xl" ta="center">
          Pas encore d’économies à comparer : l’estimation est figée au lancement de la consultation, l’engagement à l’attribution.
        </Text>
      ) : (
        <BarChart
          h={220}
          data={data}
          dataKey="step"
          series={[{ name: 'amount', label: 'Économies', color: 'teal.6' }]}
          valueFormatter={formatWholeEuros}
          yAxisProps={{ tickFormatter: (v: number) => formatCompactEuros(v), width: 80 }}
          withBarValueLabel
          role="img"
          aria-label={`Économies par an. ${data.map((d) => `${d.step} : ${formatWholeEuros(d.amount)}`).join(' ; ')}`}
        />
      )}
    </Paper>
  );
}

function ShareDonut({
  title,
  part,
  total,
  partLabel,
  color,
}: {
  title: string;
  part: number;
  total: number;
  partLabel: string;
  color: string;
}) {
  const data = [
    { name: partLabel, value: part, color },
    { name: 'Autres titulaires', value: Math.max(0, total - part), color: 'gray.3' },
  ];
  return (
    <Stack align="center" gap={4}>
      <Text fw={600}>{title}</Text>
      <DonutChart
        data={data}
        size={150}
        thickness={24}
        chartLabel={percent(total > 0 ? part / total : null)}
        valueFormatter={formatWholeEuros}
        withTooltip
        role="img"
        aria-label={`${title} : ${percent(total > 0 ? part / total : null)}, ${formatWholeEuros(part)} sur ${formatWholeEuros(total)} par an`}
      />
      <Text size="xs" c="dimmed">{`${formatWholeEuros(part)} sur ${formatWholeEuros(total)} par an`}</Text>
    </Stack>
  );
}

/** Who won the pooled spend: firms of the territory, SMEs. */
export function LocalShareDonuts({ dashboard }: { dashboard: DashboardDto }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" mb="sm">
        Qui remporte la dépense mutualisée
      </Title>
      {dashboard.awardedSpendCents === 0 ? (
        <Text c="dimmed">Aucun marché attribué pour l’instant.</Text>
      ) : (
        <SimpleGrid cols={2}>
          <ShareDonut
            title="Entreprises du territoire"
            part={dashboard.localSpendCents}
            total={dashboard.awardedSpendCents}
            partLabel="Entreprises du territoire"
            color="orange.6"
          />
          <ShareDonut title="PME" part={dashboard.smeSpendCents} total={dashboard.awardedSpendCents} partLabel="PME" color="grape.6" />
        </SimpleGrid>
      )}
    </Paper>
  );
}

/** How many groupements stand at each step, every step listed so the reader sees where they pile up. */
export function StatusChart({ dashboard }: { dashboard: DashboardDto }) {
  const data = dashboard.byStatus.map((s) => ({ step: s.label, count: s.count }));
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between">
        <Title order={2} size="h4">
          Groupements par étape
        </Title>
        <Text size="sm" c="dimmed">{`${dashboard.groupements.length} au total`}</Text>
      </Group>
      <BarChart
        h={280}
        data={data}
        dataKey="step"
        orientation="vertical"
        series={[{ name: 'count', label: 'Groupements', color: 'blue.6' }]}
        xAxisProps={{ allowDecimals: false }}
        yAxisProps={{ width: 140, interval: 0 }}
        withBarValueLabel
        role="img"
        aria-label={`Groupements par étape. ${data.map((d) => `${d.step} : ${d.count}`).join(' ; ')}`}
      />
    </Paper>
  );
}
