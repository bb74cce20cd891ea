import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDateFr } from '../charts/french-dates';
import { formatWholeEuros } from '../format/money';
import { formatNumber } from '../format/number';
import { unitName } from '../reference/units';
import type { OpportunityDetail } from './opportunity-types';
import { PoolabilityBadge } from './poolability-badge';
import { ProcedureBadge } from './procedure-badge';
import { WithheldNote, WithheldValue } from './withheld-figures';

function Figure({ label, value, hint }: { label: string; value: ReactNode; hint: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" component="div">
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Paper>
  );
}

/** Family, key figures and "Pourquoi ces membres". */
export function OpportunityHeader({ detail }: { detail: OpportunityDetail }) {
  const withheld = <WithheldValue withheld={detail.totalsWithheld} size="lg" />;
  const quantity = detail.quantity
    ? ` · ${formatNumber(detail.quantity.value)} ${unitName(detail.quantity.unit, detail.quantity.value)} par an`
    : '';
  return (
    <Stack gap="md">
      <div>
        <Text size="sm" c="dimmed">{`Opportunité n° ${detail.rank} · ${detail.cell.label} · analyse au ${formatDateFr(detail.now)}`}</Text>
        <Title order={1}>{detail.family.label}</Title>
        <Text size="sm" c="dimmed">{`CPV ${detail.family.cpvCodes.join(', ')}${quantity}`}</Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }}>
        <Figure
          label="Montant annuel mutualisé HT"
          value={detail.annualAmountCents === null ? withheld : formatWholeEuros(detail.annualAmountCents)}
          hint={`${detail.members.length} membres`}
        />
        <Figure
          label="Valeur estimée du marché HT"
          value={detail.estimatedValueCents === null ? withheld : formatWholeEuros(detail.estimatedValueCents)}
          hint="durée totale, reconductions comprises"
        />
        <Figure
          label="Démarrage proposé"
          value={formatDateFr(detail.startDate)}
          hint={
            detail.waves > 1
              ? `une seule procédure ; ${detail.waves - 1} date(s) d’entrée différée`
              : 'une seule procédure, tous les membres au démarrage'
          }
        />
        <Figure
          label="Économies estimées par an"
          value={detail.savings === null ? withheld : `${formatWholeEuros(detail.savings.low)} à ${formatWholeEuros(detail.savings.high)}`}
          hint={detail.savings === null ? 'fourchette basse à haute' : `valeur centrale ${formatWholeEuros(detail.savings.central)}`}
        />
        <Paper withBorder p="sm" radius="md">
          <Text size="xs" c="dimmed" mb={6}>
            Procédure du groupement
          </Text>
          <ProcedureBadge
            kind={detail.procedure.kind}
            article={detail.procedure.article}
            fullLabel={detail.procedure.label}
            thresholdVersion={detail.procedure.thresholdVersion}
            isThresholdCrossed={detail.thresholdCrossed}
            size="sm"
          />
        </Paper>
      </SimpleGrid>
      {detail.totalsWithheld && <WithheldNote withheld={detail.totalsWithheld} title="Totaux non communiqués" />}
      <Paper withBorder p="md" radius="md" bg="teal.0">
        <Title order={2} size="h4" mb={4}>
          Pourquoi ces membres
        </Title>
        <Text size="sm">{detail.explanation}</Text>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Group gap="sm" mb={4}>
          <Title order={2} size="h4">
            Pourquoi ce rang
          </Title>
          <PoolabilityBadge poolability={detail.poolability} />
        </Group>
        <Text size="sm" data-testid="rank-reason">
          {detail.poolability.reason}
        </Text>
      </Paper>
    </Stack>
  );
}
