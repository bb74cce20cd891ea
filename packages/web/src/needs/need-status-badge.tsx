import { Badge, Tooltip } from '@mantine/core';
import { describeDecpCoverage } from '@mutualis/contract';
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
      label={`Proposé à partir des ${lowerFirst(SOURCE_LABELS[need.source])} : à confirmer ou rejeter.${need.source === 'decp' ? ` ${describeDecpCoverage()}` : ''}`}
      multiline
      w={260}
      withArrow
    >
      {badge}
    </Tooltip>
  );
}

/** « Données essentielles (DECP) » → « données essentielles (DECP) »: the acronym keeps its capitals. */
function lowerFirst(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}
