import { Text } from '@mantine/core';
import { formatWholeEuros } from '../format/money';
import type { SavingsRange } from './opportunity-types';

/** "19 500 € à 425 587 € / an", the central value under it: savings are a range, never one certain number. */
export function SavingsRangeText({ savings }: { savings: NonNullable<SavingsRange> }) {
  return (
    <div>
      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
        {`${formatWholeEuros(savings.low)} à ${formatWholeEuros(savings.high)}`}
      </Text>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {`par an · central ${formatWholeEuros(savings.central)}`}
      </Text>
    </div>
  );
}
