import { Badge, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDateFr, formatDayShift } from '../charts/french-dates';
import { formatWholeEuros } from '../format/money';
import type { ScenarioResult } from './opportunity-types';
import { PROCEDURE_KIND_ORDER, procedureLook } from './procedure-kinds';

type Snapshot = NonNullable<ScenarioResult['base']>;

/** How a change reads for the groupement: better (green), worse (red), neutral, or no change (grey). */
export type DiffTone = 'better' | 'worse' | 'neutral' | 'same';

export interface DiffLine {
  label: string;
  before: ReactNode;
  after: ReactNode;
  change: string;
  tone: DiffTone;
}

/** What a withheld amount reads as in the comparison (the reason is said under the table). */
const WITHHELD = 'non communiqué';

function signedEuros(cents: number | null): string {
  if (cents === null) return WITHHELD;
  if (cents === 0) return 'inchangé';
  return `${cents > 0 ? '+' : '−'}${formatWholeEuros(Math.abs(cents))}`;
}

function savingsText(s: Snapshot['savings']): string {
  if (s === null) return WITHHELD;
  return `${formatWholeEuros(s.low)} à ${formatWholeEuros(s.high)} (central ${formatWholeEuros(s.central)})`;
}

const amountText = (cents: number | null) => (cents === null ? WITHHELD : formatWholeEuros(cents));

function ProcedureCell({ kind }: { kind: string | null }) {
  if (kind === null) return <Text size="sm">—</Text>;
  const look = procedureLook(kind);
  return (
    <Badge color={look.color} variant="light" style={{ textTransform: 'none' }}>
      {look.short}
    </Badge>
  );
}

function lotsText(lots: Snapshot['lots']): string {
  if (lots === null) return '—';
  return lots.ok ? `${lots.lotCount} lot${lots.lotCount > 1 ? 's' : ''}` : 'non calculé';
}

function rank(kind: string | null): number {
  return (PROCEDURE_KIND_ORDER as readonly (string | null)[]).indexOf(kind);
}

function membersChange(diff: ScenarioResult['diff'], names: ReadonlyMap<string, string>): string {
  const name = (id: string) => names.get(id) ?? id;
  const parts = [...diff.addedMemberIds.map((id) => `+ ${name(id)}`), ...diff.removedMemberIds.map((id) => `− ${name(id)}`)];
  return parts.length === 0 ? 'inchangé' : parts.join(', ');
}

/** The figures compared by the scenario, each with its change and whether the change helps the groupement. */
export function scenarioDiffLines(result: ScenarioResult, names: ReadonlyMap<string, string>): DiffLine[] {
  const { base, scenario, diff } = result;
  const text = (s: Snapshot | null, f: (x: Snapshot) => string) => (s ? f(s) : 'plus de groupement');
  const shift = diff.startDate.shiftDays;
  const waveDelta = diff.waves.after - diff.waves.before;
  const procedureDelta = rank(diff.procedure.after) - rank(diff.procedure.before);
  const same = (isSame: boolean, tone: DiffTone): DiffTone => (isSame ? 'same' : tone);
  return [
    {
      label: 'Membres',
      before: text(base, (s) => String(s.memberIds.length)),
      after: text(scenario, (s) => String(s.memberIds.length)),
      change: membersChange(diff, names),
      tone: same(diff.addedMemberIds.length + diff.removedMemberIds.length === 0, 'neutral'),
    },
    {
      label: 'Montant annuel mutualisé HT',
      before: text(base, (s) => amountText(s.annualAmountCents)),
      after: text(scenario, (s) => amountText(s.annualAmountCents)),
      change: signedEuros(diff.annualAmountCents),
      tone: same(diff.annualAmountCents === 0 || diff.annualAmountCents === null, 'neutral'),
    },
    {
      label: 'Valeur estimée HT',
      before: text(base, (s) => amountText(s.estimatedValueCents)),
      after: text(scenario, (s) => amountText(s.estimatedValueCents)),
      change: signedEuros(diff.estimatedValueCents),
      tone: same(diff.estimatedValueCents === 0 || diff.estimatedValueCents === null, 'neutral'),
    },
    {
      label: 'Économies par an',
      before: text(base, (s) => savingsText(s.savings)),
      after: text(scenario, (s) => savingsText(s.savings)),
      change: diff.savings === null ? WITHHELD : diff.savings.central === 0 ? 'inchangé' : `central ${signedEuros(diff.savings.central)}`,
      tone: same(diff.savings === null || diff.savings.central === 0, (diff.savings?.central ?? 0) > 0 ? 'better' : 'worse'),
    },
    {
      label: 'Procédure',
      before: <ProcedureCell kind={diff.procedure.before} />,
      after: <ProcedureCell kind={diff.procedure.after} />,
      change: !diff.procedure.isChanged ? 'inchangée' : procedureDelta > 0 ? 'plus lourde' : 'plus légère',
      tone: same(!diff.procedure.isChanged, procedureDelta > 0 ? 'worse' : 'better'),
    },
    {
      label: 'Démarrage',
      before: formatDateFr(diff.startDate.before),
      after: formatDateFr(diff.startDate.after),
      change: shift === null ? '—' : shift === 0 ? 'inchangé' : formatDayShift(shift),
      tone: same(!shift, (shift ?? 0) > 0 ? 'worse' : 'better'),
    },
    {
      label: 'Dates d’entrée',
      before: String(diff.waves.before),
      after: String(diff.waves.after),
      change: waveDelta === 0 ? 'inchangé' : `${waveDelta > 0 ? '+' : '−'}${Math.abs(waveDelta)}`,
      tone: same(waveDelta === 0, waveDelta > 0 ? 'worse' : 'better'),
    },
    {
      label: 'Coordonnateur',
      before: text(base, (s) => s.coordinator.name),
      after: text(scenario, (s) => s.coordinator.name),
      change: diff.coordinator.isChanged ? 'changé' : 'inchangé',
      tone: same(!diff.coordinator.isChanged, 'neutral'),
    },
    {
      label: 'Lots recommandés',
      before: text(base, (s) => lotsText(s.lots)),
      after: text(scenario, (s) => lotsText(s.lots)),
      change: lotsText(base?.lots ?? null) === lotsText(scenario?.lots ?? null) ? 'inchangé' : 'recalculé',
      tone: same(lotsText(base?.lots ?? null) === lotsText(scenario?.lots ?? null), 'neutral'),
    },
  ];
}
