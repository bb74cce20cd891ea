import { ofNameFr } from '@mutualis/contract';
import { Paper, Text, Timeline, Title } from '@mantine/core';
import { formatDateFr } from '../charts/french-dates';
import type { ScheduleStep } from './opportunity-types';

interface ScheduleTimelineProps {
  schedule: ScheduleStep[];
  now: string;
  /** Organization id → name, for the délibérations. */
  names: ReadonlyMap<string, string>;
}

const STEP_TITLES: Record<string, string> = {
  deliberation: 'Délibérations',
  convention_signed: 'Convention constitutive signée',
  consultation_launch: 'Lancement de la consultation',
  award: 'Attribution',
  start: 'Démarrage du marché mutualisé',
};

interface Group {
  step: string;
  date: string;
  labels: string[];
  organizationIds: string[];
}

/** Consecutive steps of the same kind and date (one délibération per member) shown as one item. */
function groupSteps(schedule: ScheduleStep[]): Group[] {
  const groups: Group[] = [];
  for (const s of schedule) {
    const last = groups.at(-1);
    const ids = s.organizationId ? [s.organizationId] : [];
    if (last && last.step === s.step && last.date === s.date) {
      last.labels.push(s.labelFr);
      last.organizationIds.push(...ids);
    } else groups.push({ step: s.step, date: s.date, labels: [s.labelFr], organizationIds: ids });
  }
  return groups;
}

/** The backward schedule (rétroplanning): from the members' délibérations to the start of the pooled contract. */
export function ScheduleTimeline({ schedule, now, names }: ScheduleTimelineProps) {
  const groups = groupSteps(schedule);
  const done = groups.filter((g) => g.date <= now).length;
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4">
        Rétroplanning
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Dates au plus tard, calculées à rebours depuis le démarrage proposé (délais de procédure et de délibération).
      </Text>
      <Timeline active={done - 1} bulletSize={18} lineWidth={2} aria-label="Rétroplanning">
        {groups.map((g) => (
          <Timeline.Item key={`${g.step}-${g.date}`} title={`${formatDateFr(g.date)} · ${STEP_TITLES[g.step] ?? g.step}`}>
            {g.labels.length === 1 ? (
              <Text size="sm" c="dimmed">
                {g.labels[0]}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                {`Les assemblées ${g.organizationIds.map((id) => ofNameFr(names.get(id) ?? id)).join(', ')} approuvent la convention constitutive.`}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}
