import { Badge, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDateFr, formatDayShift } from '../charts/french-dates';
import { formatWholeEuros } from '../format/money';
import type { ScenarioResult } from './opportunity-types';
import { procedureLook } from './procedure-kinds';

type Snapshot = NonNullable<ScenarioResult['base']>;

function signedEuros(cents: number): string {
  if (cents === 0) return 'inchangé';
  return `${cents > 0 ? '+' : '−'}${formatWholeEuros(Math.abs(cents))}`;
}

function savingsText(s: Snapshot['savings']): string {
  return `${formatWholeEuros(s.low)} à ${formatWholeEuros(s.high)} (central ${formatWholeEuros(s.central)})`;
}

function ProcedureCell({ kind }: { kind: string | null }) {
  if (kind === null) return <Text size="sm">—</Text>;
  const look = procedureLook(kind);
  return (
    <Badge color={look.color} variant="light" style={{ textTransform: 'none' }}>
      {look.short}
    </Badge>
  );
}

interface Line {
  label: string;
  before: ReactNode;
  after: ReactNode;
  change: string;
  isWorse?: boolean;
}

/** Current groupement and simulated one side by side, with the change of each figure. */
export function ScenarioDiff({ result }: { result: ScenarioResult }) {
  const { base, scenario, diff } = result;
  const text = (s: Snapshot | null, f: (x: Snapshot) => string) => (s ? f(s) : 'plus de groupement');
  const lines: Line[] = [
    {
      label: 'Membres',
      before: text(base, (s) => String(s.memberIds.length)),
      after: text(scenario, (s) => String(s.memberIds.length)),
      change:
        `${diff.addedMemberIds.length > 0 ? `+${diff.addedMemberIds.length}` : ''}${diff.removedMemberIds.length > 0 ? ` −${diff.removedMemberIds.length}` : ''}`.trim() ||
        'inchangé',
    },
    {
      label: 'Montant annuel mutualisé HT',
      before: text(base, (s) => formatWholeEuros(s.annualAmountCents)),
      after: text(scenario, (s) => formatWholeEuros(s.annualAmountCents)),
      change: signedEuros(diff.annualAmountCents),
      isWorse: diff.annualAmountCents < 0,
    },
    {
      label: 'Valeur estimée HT',
      before: text(base, (s) => formatWholeEuros(s.estimatedValueCents)),
      after: text(scenario, (s) => formatWholeEuros(s.estimatedValueCents)),
      change: signedEuros(diff.estimatedValueCents),
    },
    {
      label: 'Économies par an',
      before: text(base, (s) => savingsText(s.savings)),
      after: text(scenario, (s) => savingsText(s.savings)),
      change: `central ${signedEuros(diff.savings.central)}`,
      isWorse: diff.savings.central < 0,
    },
    {
      label: 'Procédure',
      before: <ProcedureCell kind={diff.procedure.before} />,
      after: <ProcedureCell kind={diff.procedure.after} />,
      change: diff.procedure.isChanged ? 'change' : 'inchangée',
    },
    {
      label: 'Démarrage',
      before: formatDateFr(diff.startDate.before),
      after: formatDateFr(diff.startDate.after),
      change:
        diff.startDate.shiftDays === null ? '—' : diff.startDate.shiftDays === 0 ? 'inchangé' : formatDayShift(diff.startDate.shiftDays),
      isWorse: (diff.startDate.shiftDays ?? 0) > 0,
    },
    {
      label: 'Vagues d’entrée',
      before: String(diff.waves.before),
      after: String(diff.waves.after),
      change:
        diff.waves.after === diff.waves.before
          ? 'inchangé'
          : `${diff.waves.after - diff.waves.before > 0 ? '+' : '−'}${Math.abs(diff.waves.after - diff.waves.before)}`,
    },
  ];
  return (
    <Table withTableBorder verticalSpacing="xs" aria-label="Écarts du scénario" data-testid="scenario-diff">
      <Table.Thead>
        <Table.Tr>
          <Table.Th />
          <Table.Th>Groupement proposé</Table.Th>
          <Table.Th w={30} />
          <Table.Th>Scénario simulé</Table.Th>
          <Table.Th>Écart</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((line) => (
          <Table.Tr key={line.label}>
            <Table.Td fw={600}>{line.label}</Table.Td>
            <Table.Td>{line.before}</Table.Td>
            <Table.Td c="dimmed" aria-hidden="true">
              →
            </Table.Td>
            <Table.Td fw={600}>{line.after}</Table.Td>
            <Table.Td c={line.change.startsWith('inchang') ? 'dimmed' : line.isWorse ? 'red.8' : 'teal.8'}>{line.change}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
