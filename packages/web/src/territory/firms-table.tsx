import { Table } from '@mantine/core';
import type { Organization } from '../api/types';
import { departementLabel } from '../reference/departements';
import { ORGANIZATION_KIND_LABELS } from '../reference/labels';

interface FirmsTableProps {
  firms: Organization[];
}

/** Local firms and associations of the territory: potential suppliers, they declare no needs. */
export function FirmsTable({ firms }: FirmsTableProps) {
  const sorted = [...firms].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Entreprise</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>Département</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((firm) => (
            <Table.Tr key={firm.id}>
              <Table.Td>{firm.name}</Table.Td>
              <Table.Td>{ORGANIZATION_KIND_LABELS[firm.kind]}</Table.Td>
              <Table.Td>{departementLabel(firm.departementCode)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
