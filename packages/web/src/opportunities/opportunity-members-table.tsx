import { Badge, Paper, Table, Text, Title } from '@mantine/core';
import { formatDateFr } from '../charts/french-dates';
import { formatWholeEuros } from '../format/money';
import { departementLabel } from '../reference/departements';
import type { OpportunityDetail } from './opportunity-types';
import { waveColorName, waveIndexByMember, waveLabel } from './wave-colors';
import { shareText } from './withheld-figures';

const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });

export function OpportunityMembersTable({ detail }: { detail: OpportunityDetail }) {
  const waveOf = waveIndexByMember(detail.waveList);
  const entries = new Map(detail.calendar.members.map((m) => [m.organizationId, m]));
  const members = [...detail.members].sort(
    (a, b) => (b.annualAmountCents ?? -1) - (a.annualAmountCents ?? -1) || a.name.localeCompare(b.name, 'fr'),
  );
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" mb="sm">
        Membres
      </Title>
      <Table.ScrollContainer minWidth={860}>
        <Table striped verticalSpacing="xs" aria-label="Membres du groupement">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>SIRET</Table.Th>
              <Table.Th>Nom</Table.Th>
              <Table.Th>Département</Table.Th>
              <Table.Th ta="right">Part</Table.Th>
              <Table.Th ta="right">Montant annuel HT</Table.Th>
              <Table.Th>Besoin</Table.Th>
              <Table.Th>Entrée</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((m) => {
              const index = waveOf.get(m.organizationId) ?? 0;
              const entry = entries.get(m.organizationId);
              return (
                <Table.Tr key={m.organizationId}>
                  <Table.Td ff="monospace" fz="sm">
                    {m.siret}
                  </Table.Td>
                  <Table.Td>{m.name}</Table.Td>
                  <Table.Td>{departementLabel(m.departementCode)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {shareText(m, (share) => percent.format(share))}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatWholeEuros(m.annualAmountCents)}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={m.isConfirmed ? 'teal' : 'orange'} style={{ textTransform: 'none' }}>
                      {m.isConfirmed ? 'confirmé' : 'proposé'}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge variant="dot" color={waveColorName(index)} style={{ textTransform: 'none' }}>
                      {waveLabel(index)}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {entry ? `le ${formatDateFr(entry.joinDate)}` : ''}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {detail.pricesHidden && (
        <Text size="xs" c="dimmed" mt="xs">
          {detail.totalsWithheld
            ? 'Le montant des autres membres et les totaux ne vous sont pas communiqués ; les parts sont données par tranche.'
            : 'La part et le montant des autres membres ne vous sont pas communiqués (parts par tranche) ; les totaux du groupement restent visibles.'}
        </Text>
      )}
    </Paper>
  );
}
