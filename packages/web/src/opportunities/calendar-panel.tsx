import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { formatDateFr } from '../charts/french-dates';
import { GanttChart } from '../charts/gantt-chart';
import { GanttLegend } from '../charts/gantt-legend';
import { contractGanttRows, ganttRange } from './contract-gantt-rows';
import { DecpProvenanceBadge, ProvenanceLines } from './decp-provenance-badge';
import type { OpportunityDetail } from './opportunity-types';
import { waveColor, waveLabel } from './wave-colors';

/** The members' running contracts as a Gantt chart, with today and the proposed start date. */
export function CalendarPanel({ detail }: { detail: OpportunityDetail }) {
  const range = ganttRange(detail);
  const waves = detail.waveList.map((wave, index) => ({
    label: `${waveLabel(index)} le ${formatDateFr(wave.date)} : ${wave.organizationIds.length} membre${wave.organizationIds.length > 1 ? 's' : ''}`,
    color: waveColor(index),
  }));
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4">
        Calendrier : marchés en cours et date de démarrage
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {detail.calendar.explanation}
      </Text>
      <GanttChart
        rows={contractGanttRows(detail)}
        lines={[
          { date: detail.now, label: 'Aujourd’hui', color: 'var(--mantine-color-gray-7)', isDashed: true },
          { date: detail.startDate, label: 'Démarrage proposé', color: 'var(--mantine-color-red-7)' },
        ]}
        from={range.from}
        to={range.to}
        ariaLabel={`Calendrier des marchés en cours des membres ; démarrage proposé le ${formatDateFr(detail.startDate)}`}
      />
      <GanttLegend waves={waves} />
      <ExplainedDates detail={detail} />
    </Paper>
  );
}

/**
 * The contracts whose dates are not those first published (amendments, estimated start), each with
 * why; the explanation states the end itself (no second end date beside it: the bars end the day before).
 */
function ExplainedDates({ detail }: { detail: OpportunityDetail }) {
  const explained = detail.runningContracts.filter((c) => c.decpProvenance.length > 0);
  if (explained.length === 0) return null;
  const names = new Map(detail.members.map((m) => [m.organizationId, m.name]));
  return (
    <Stack gap="xs" mt="md" data-testid="decp-provenance">
      <Text size="sm" fw={600}>
        Dates modifiées par avenant ou estimées (données essentielles publiées)
      </Text>
      {explained.map((contract) => (
        <div key={contract.id}>
          <Group gap="xs">
            <Text size="sm">{`${names.get(contract.organizationId) ?? contract.organizationId} · marché ${contract.reference}`}</Text>
            <DecpProvenanceBadge lines={contract.decpProvenance} />
          </Group>
          <Text component="div" size="xs" c="dimmed">
            <ProvenanceLines lines={contract.decpProvenance} />
          </Text>
        </div>
      ))}
    </Stack>
  );
}
