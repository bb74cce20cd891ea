import { Badge, Popover, Text, UnstyledButton } from '@mantine/core';
import type { PoolabilityDto } from '@mutualis/contract';

const COLORS: Record<PoolabilityDto['tier'], string> = {
  proven: 'teal',
  recurring: 'blue',
  occasional: 'gray',
  rare: 'orange',
};

/** The poolability tier of an opportunity; a click shows why it ranks where it does. */
export function PoolabilityBadge({ poolability }: { poolability: PoolabilityDto }) {
  return (
    <Popover width={380} position="bottom-start" withArrow shadow="md">
      <Popover.Target>
        <UnstyledButton aria-label={`${poolability.label} : pourquoi ce rang ?`} data-testid="poolability-badge">
          <Badge color={COLORS[poolability.tier]} variant="light" size="sm" style={{ textTransform: 'none', cursor: 'pointer' }}>
            {poolability.label}
          </Badge>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="sm" fw={600} mb={4}>
          Pourquoi ce rang
        </Text>
        <Text size="sm">{poolability.reason}</Text>
      </Popover.Dropdown>
    </Popover>
  );
}
