import { HoverCard, List, Text, UnstyledButton } from '@mantine/core';
import type { OpportunityMember } from './opportunity-types';

/** "8 membres", the names on hover (proposed members flagged). */
export function MembersCell({ members }: { members: OpportunityMember[] }) {
  const proposed = members.filter((m) => !m.isConfirmed).length;
  return (
    <HoverCard width={320} shadow="md" withArrow openDelay={150}>
      <HoverCard.Target>
        <UnstyledButton aria-label={`Membres : ${members.map((m) => m.name).join(', ')}`}>
          <Text size="sm" fw={600} td="underline" style={{ textDecorationStyle: 'dotted', whiteSpace: 'nowrap' }}>
            {`${members.length} membre${members.length > 1 ? 's' : ''}`}
          </Text>
          {proposed > 0 && (
            <Text size="xs" c="orange.8" style={{ whiteSpace: 'nowrap' }}>
              {`dont ${proposed} à confirmer`}
            </Text>
          )}
        </UnstyledButton>
      </HoverCard.Target>
      <HoverCard.Dropdown>
        <List size="sm" spacing={2}>
          {members.map((m) => (
            <List.Item key={m.organizationId}>
              {m.name}
              {!m.isConfirmed && (
                <Text span size="xs" c="orange.8">
                  {' (besoin proposé)'}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      </HoverCard.Dropdown>
    </HoverCard>
  );
}
