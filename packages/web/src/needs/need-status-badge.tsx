import { Badge, Tooltip } from '@mantine/core';
import type { Need } from '../api/types';
import { SOURCE_LABELS, STATUS_LABELS } from '../reference/labels';

const COLORS = { confirmed: 'teal', proposed: 'orange', rejected: 'gray' } as const;

export function NeedStatusBadge({ need }: { need: Need }) {
  const badge = (
    <Badge color={COLORS[need.status]} variant={need.status === 'proposed' ? 'filled' : 'light'}>
      {STATUS_LABELS[need.status]}
    </Badge>
  );
  if (need.status !== 'proposed') return badge;
  return (
    <Tooltip
      label={`Proposé à partir des ${SOURCE_LABELS[need.source].toLowerCase()} : à confirmer ou rejeter`}
      multiline
      w={260}
      withArrow
    >
      {badge}
    </Tooltip>
  );
}
