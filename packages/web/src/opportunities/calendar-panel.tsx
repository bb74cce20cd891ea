import { Paper, Text, Title } from '@mantine/core';
import { formatDateFr } from '../charts/french-dates';
import { GanttChart } from '../charts/gantt-chart';
import { GanttLegend } from '../charts/gantt-legend';
import { contractGanttRows, ganttRange } from './contract-gantt-rows';
import type { OpportunityDetail } from './opportunity-types';
import { waveColor, waveLabel } from './wave-colors';

/** The members' running contracts as a Gantt chart, with today and the proposed start date. */
export function CalendarPanel({ detail }: { detail: OpportunityDetail }) {
  const range = ganttRange(detail);
  const waves = detail.waveList.map((wave, index) => ({
    label: `${waveLabel(index)} : ${wave.organizationIds.length} membre${wave.organizationIds.length > 1 ? 's' : ''}, ${index === 0 ? 'entrée au démarrage' : 'entrée à partir du'} ${formatDateFr(wave.date)}`,
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
    </Paper>
  );
}
