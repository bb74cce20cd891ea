import { Table, Text } from '@mantine/core';
import { formatDateFr } from '../charts/french-dates';
import { formatWholeEuros } from '../format/money';
import { AppLink } from '../router/app-link';
import { paths } from '../router/routes';
import { MembersCell } from './members-cell';
import type { OpportunitySummary } from './opportunity-types';
import { PoolabilityBadge } from './poolability-badge';
import { ProcedureBadge } from './procedure-badge';
import { SavingsRangeText } from './savings-range-text';
import { WithheldValue } from './withheld-figures';

interface OpportunitiesTableProps {
  slug: string;
  at: string;
  items: OpportunitySummary[];
}

function cpvText(codes: string[]): string {
  const shown = codes.slice(0, 3).join(', ');
  return codes.length > 3 ? `CPV ${shown} +${codes.length - 3}` : `CPV ${shown}`;
}

export function OpportunitiesTable({ slug, at, items }: OpportunitiesTableProps) {
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing={6} aria-label="Opportunités de groupement">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={48}>Rang</Table.Th>
            <Table.Th>Famille d’achat</Table.Th>
            <Table.Th>Membres</Table.Th>
            <Table.Th ta="right">
              Montant annuel mutualisé HT
              <Text size="xs" c="dimmed" fw={400} title="Valeur estimée du marché, reconductions comprises (R2121-1)">
                valeur estimée du marché
              </Text>
            </Table.Th>
            <Table.Th>Procédure</Table.Th>
            <Table.Th>Démarrage proposé</Table.Th>
            <Table.Th>Économies estimées</Table.Th>
            <Table.Th>Coordonnateur proposé</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((o) => (
            <Table.Tr key={o.id}>
              <Table.Td>
                <Text fw={700}>{o.rank}</Text>
              </Table.Td>
              <Table.Td>
                <AppLink to={paths.opportunity(slug, o.id, at || undefined)} fw={600}>
                  {o.family.label}
                </AppLink>
                <Text size="xs" c="dimmed" title={o.family.cpvCodes.join(', ')}>
                  {`${cpvText(o.family.cpvCodes)} · ${o.cell.label}`}
                </Text>
                <PoolabilityBadge poolability={o.poolability} />
              </Table.Td>
              <Table.Td>
                <MembersCell members={o.members} />
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {o.annualAmountCents === null ? (
                  <WithheldValue withheld={o.totalsWithheld} />
                ) : (
                  <Text size="sm" fw={600}>
                    {formatWholeEuros(o.annualAmountCents)}
                  </Text>
                )}
                {o.estimatedValueCents !== null && (
                  <Text size="xs" c="dimmed" title="Valeur estimée du marché, reconductions comprises (R2121-1)">
                    {formatWholeEuros(o.estimatedValueCents)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <ProcedureBadge
                  kind={o.procedure.kind}
                  article={o.procedure.article}
                  fullLabel={o.procedure.label}
                  thresholdVersion={o.procedure.thresholdVersion}
                  isThresholdCrossed={o.thresholdCrossed}
                  size="sm"
                />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{formatDateFr(o.startDate)}</Text>
                {o.waves > 1 && (
                  <Text size="xs" c="dimmed">
                    {`${o.waves - 1} entrée(s) différée(s)`}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {o.savings === null ? <WithheldValue withheld={o.totalsWithheld} /> : <SavingsRangeText savings={o.savings} />}
              </Table.Td>
              <Table.Td miw={150}>
                <Text size="sm">{o.coordinator.name}</Text>
                {o.coordinator.isOverride && (
                  <Text size="xs" c="dimmed">
                    choisi par l’animateur
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
