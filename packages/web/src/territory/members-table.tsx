import { ofNameFr } from '@mutualis/contract';
import { Table, Text } from '@mantine/core';
import type { TerritoryOverview } from '../api/types';
import { formatWholeEuros } from '../format/money';
import { formatNumber } from '../format/number';
import { departementLabel } from '../reference/departements';
import { ORGANIZATION_KIND_LABELS } from '../reference/labels';
import { AppLink } from '../router/app-link';
import { paths } from '../router/routes';

interface MembersTableProps {
  members: TerritoryOverview['members'];
  canOpenCensus: (organizationId: string) => boolean;
}

export function MembersTable({ members, canOpenCensus }: MembersTableProps) {
  if (members.length === 0) return <Text c="dimmed">Aucun acheteur public n’a encore rejoint ce territoire.</Text>;
  const sorted = [...members].sort((a, b) => (b.annualAmountCents ?? -1) - (a.annualAmountCents ?? -1) || b.needsCount - a.needsCount);
  const hasHiddenAmounts = members.some((member) => member.annualAmountCents === null);
  return (
    <>
      <Table.ScrollContainer minWidth={720}>
        <Table striped highlightOnHover verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Membre</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Département</Table.Th>
              <Table.Th ta="right">Besoins</Table.Th>
              <Table.Th ta="right">Montant annuel HT</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map(({ organization, needsCount, annualAmountCents }) => (
              <Table.Tr key={organization.id}>
                <Table.Td>
                  {canOpenCensus(organization.id) ? (
                    <AppLink to={paths.needs(organization.id)} title={`Recensement des besoins ${ofNameFr(organization.name)}`}>
                      {organization.name}
                    </AppLink>
                  ) : (
                    organization.name
                  )}
                </Table.Td>
                <Table.Td>{ORGANIZATION_KIND_LABELS[organization.kind]}</Table.Td>
                <Table.Td>{departementLabel(organization.departementCode)}</Table.Td>
                <Table.Td ta="right">{formatNumber(needsCount)}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {annualAmountCents === null ? (
                    <Text c="dimmed" size="sm">
                      masqué
                    </Text>
                  ) : (
                    formatWholeEuros(annualAmountCents)
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {hasHiddenAmounts && (
        <Text size="xs" c="dimmed" mt="xs">
          Montants masqués : seul l’animateur du territoire voit les montants des autres membres.
        </Text>
      )}
    </>
  );
}
