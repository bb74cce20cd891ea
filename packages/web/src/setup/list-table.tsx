import { Group, type MantineSpacing, Table, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';

export interface ListTableProps {
  label: string;
  /** Below this width the table scrolls sideways (a phone). */
  minWidth: number;
  striped?: boolean;
  /** The header cells; a hidden « Actions » header follows when the rows end with buttons. */
  head: ReactNode;
  hasActions: boolean;
  /** The rows. */
  children: ReactNode;
}

/** A list of the set-up screens as a table: its header, then its rows, scrolling sideways on a narrow screen. */
export function ListTable({ label, minWidth, striped = false, head, hasActions, children }: ListTableProps) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table verticalSpacing="sm" striped={striped} aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {head}
            {hasActions && (
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The last cell of a row: its buttons, right-aligned on one line. */
export function ActionsCell({ gap, children }: { gap: MantineSpacing | number; children: ReactNode }) {
  return (
    <Table.Td>
      <Group gap={gap} justify="flex-end" wrap="nowrap">
        {children}
      </Group>
    </Table.Td>
  );
}
