import { Badge, Button, Table, Text } from '@mantine/core';
import type { LifecycleView } from '@mutualis/contract';
import { frenchDate } from './lifecycle-labels';

type Member = LifecycleView['members'][number];

interface MembersActsTableProps {
  view: LifecycleView;
  onRecord: (member: Member) => void;
}

function Act({ done, label }: { done: boolean; label: string }) {
  return done ? (
    <Text size="sm">{label}</Text>
  ) : (
    <Badge color="orange" variant="light">
      À fournir
    </Badge>
  );
}

/** Each member's signature and deliberation: who still has to act. */
export function MembersActsTable({ view, onRecord }: MembersActsTableProps) {
  const isBeforeLaunch = view.procedureNumber === 0;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped aria-label="Adhésions des membres">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Membre</Table.Th>
            <Table.Th>Délibération</Table.Th>
            <Table.Th>Signature de la convention</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.members.map((m) => (
            <Table.Tr key={m.organizationId}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {m.name}
                </Text>
                {m.isCoordinator && (
                  <Badge size="xs" color="teal">
                    Coordonnateur
                  </Badge>
                )}
                {m.joinsNextProcedure && (
                  <Badge size="xs" color="grape" ml={4}>
                    Procédure suivante
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {m.needsDeliberation ? (
                  <Act
                    done={m.deliberationOn !== null && m.deliberationReference !== null}
                    label={`${m.deliberationReference ?? ''} du ${frenchDate(m.deliberationOn)}`}
                  />
                ) : (
                  <Text size="sm" c="dimmed">
                    Non requise
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Act done={m.signedOn !== null} label={`Signée le ${frenchDate(m.signedOn)}`} />
              </Table.Td>
              <Table.Td>
                {view.can.signFor.includes(m.organizationId) && (isBeforeLaunch || m.joinsNextProcedure) && view.status !== 'draft' && (
                  <Button
                    size="xs"
                    variant={m.missing.length > 0 ? 'filled' : 'default'}
                    onClick={() => onRecord(m)}
                    aria-label={`Enregistrer l’adhésion de ${m.name}`}
                  >
                    {m.missing.length > 0 ? 'Enregistrer' : 'Corriger'}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
