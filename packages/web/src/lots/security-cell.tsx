import { Badge, Stack, Text } from '@mantine/core';
import type { LotAwardDto } from '@mutualis/contract';

const LEVEL_COLORS = { solide: 'teal', moyenne: 'yellow', fragile: 'red' } as const;

/** The supply security of one lot: its level and each indicator, in the facilitator's words. */
export function SecurityCell({ security }: { security: LotAwardDto['security'] }) {
  return (
    <Stack gap={4}>
      <Badge color={LEVEL_COLORS[security.level]} variant="light">
        Sécurité {security.level}
      </Badge>
      {security.risks.length > 0 && (
        <Text size="xs" fw={500}>
          {security.risks.join(' ; ')}
        </Text>
      )}
      {[security.expectedBidders.text, security.concentration.text, security.dependence.text, security.distance.text].map((t) => (
        <Text key={t} size="xs" c="dimmed">
          {t}.
        </Text>
      ))}
    </Stack>
  );
}
