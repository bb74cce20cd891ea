import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { navigate } from '../../router/navigation';

export type StepState = 'todo' | 'in_progress' | 'done';

const STATES: Record<StepState, { label: string; color: string }> = {
  todo: { label: 'À faire', color: 'orange' },
  in_progress: { label: 'En cours', color: 'blue' },
  done: { label: 'Fait', color: 'teal' },
};

interface StepCardProps {
  index: number;
  title: string;
  detail: string;
  state: StepState;
  action: { label: string; to: string } | null;
}

/** One step of the facilitator's list: its number, what it is, where it stands, and the screen to do it. */
export function StepCard({ index, title, detail, state, action }: StepCardProps) {
  return (
    <Paper withBorder p="md" radius="md" component="li" style={{ listStyle: 'none' }}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 220px', minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={700}>{`${index}. ${title}`}</Text>
            <Badge color={STATES[state].color} variant="light">
              {STATES[state].label}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {detail}
          </Text>
        </Stack>
        {action && (
          <Button variant={state === 'done' ? 'default' : 'filled'} onClick={() => navigate(action.to)}>
            {action.label}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
