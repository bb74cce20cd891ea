import { ofNameFr } from '@mutualis/contract';
import { Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { AccountDto } from '@mutualis/contract';
import { ROLE_LABELS } from '../../reference/labels';
import { AccountStatus } from './account-status';

interface AccountsTableProps {
  label: string;
  accounts: AccountDto[];
  /** The signed-in user (never offered its own removal). */
  selfId: string;
  showRoles: boolean;
  onLink: (account: AccountDto) => void;
  onRemove: (account: AccountDto) => void;
}

/** Accounts with their status and roles; a new one-time link or removal for each. */
export function AccountsTable({ label, accounts, selfId, showRoles, onLink, onRemove }: AccountsTableProps) {
  return (
    <Table.ScrollContainer minWidth={680}>
      <Table verticalSpacing="sm" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Personne</Table.Th>
            {showRoles && <Table.Th>Rôle</Table.Th>}
            <Table.Th>État</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {accounts.map((account) => (
            <Table.Tr key={account.id}>
              <Table.Td>
                <Text fw={600}>{account.name}</Text>
                <Text size="sm" c="dimmed">
                  {account.email}
                </Text>
              </Table.Td>
              {showRoles && (
                <Table.Td>
                  <Stack gap={2}>
                    {account.roles.map((r) => (
                      <Text key={r.id} size="sm">
                        {r.organizationName ? `${ROLE_LABELS[r.role]} · ${r.organizationName}` : ROLE_LABELS[r.role]}
                      </Text>
                    ))}
                  </Stack>
                </Table.Td>
              )}
              <Table.Td>
                <AccountStatus account={account} />
              </Table.Td>
              <Table.Td>
                {account.id !== selfId && (
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button size="xs" variant="light" onClick={() => onLink(account)}>
                      {account.hasPassword ? 'Réinitialiser le mot de passe' : 'Nouveau lien d’invitation'}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => onRemove(account)}
                      aria-label={`Retirer l’accès ${ofNameFr(account.name)}`}
                    >
                      Retirer
                    </Button>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
