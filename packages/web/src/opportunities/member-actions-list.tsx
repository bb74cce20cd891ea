import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { formatDateFr } from '../charts/french-dates';
import { DecpProvenanceBadge } from './decp-provenance-badge';
import type { OpportunityDetail } from './opportunity-types';
import { waveColorName, waveIndexByMember, waveLabel } from './wave-colors';

/** What each member must do, and by when, to enter on time: non-renewal notices, bridge contracts, later waves. */
export function MemberActionsList({ detail }: { detail: OpportunityDetail }) {
  const names = new Map(detail.members.map((m) => [m.organizationId, m.name]));
  const waveOf = waveIndexByMember(detail.waveList);
  const withActions = detail.calendar.members.filter((m) => m.actions.length > 0);
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" mb="sm">
        Actions à mener par chaque membre
      </Title>
      {withActions.length === 0 ? (
        <Text c="dimmed" size="sm">
          Les actions des autres membres ne vous sont pas communiquées (elles citent leurs montants).
        </Text>
      ) : (
        <Stack gap="sm">
          {withActions.map((entry) => {
            const index = waveOf.get(entry.organizationId) ?? 0;
            return (
              <div key={entry.organizationId}>
                <Group gap="xs" mb={2}>
                  <Text fw={600} size="sm">
                    {names.get(entry.organizationId) ?? entry.organizationId}
                  </Text>
                  <Badge size="xs" variant="light" color={waveColorName(index)} style={{ textTransform: 'none' }}>
                    {`${waveLabel(index)} · entrée le ${formatDateFr(entry.joinDate)}`}
                  </Badge>
                </Group>
                <List size="sm" spacing={2}>
                  {entry.actions.map((action) => (
                    <List.Item key={action}>{action}</List.Item>
                  ))}
                </List>
                {detail.runningContracts
                  .filter((c) => c.organizationId === entry.organizationId && c.decpProvenance.length > 0)
                  .map((contract) => (
                    <Group key={contract.id} gap="xs" mt={4}>
                      <Text size="xs" c="dimmed">
                        {`Dates du marché ${contract.reference}`}
                      </Text>
                      <DecpProvenanceBadge lines={contract.decpProvenance} />
                    </Group>
                  ))}
              </div>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}
