import { Badge, Group, Tooltip } from '@mantine/core';
import { procedureLook } from './procedure-kinds';
import { WarningIcon } from './warning-icon';

interface ProcedureBadgeProps {
  kind: string;
  /** The article that grounds the kind (L2124-1, R2123-1, R2122-8); omitted where unknown. */
  article?: string;
  fullLabel?: string;
  thresholdVersion?: string;
  isThresholdCrossed: boolean;
  size?: 'sm' | 'md' | 'lg';
}

/** Procedure with its article, coloured by heaviness; a warning when pooling makes a member's procedure heavier. */
export function ProcedureBadge({ kind, article, fullLabel, thresholdVersion, isThresholdCrossed, size = 'md' }: ProcedureBadgeProps) {
  const look = procedureLook(kind);
  const tooltip = [fullLabel ?? look.meaning, thresholdVersion ? `Seuils : ${thresholdVersion}` : null].filter(Boolean).join(' · ');
  return (
    <Group gap={4}>
      <Tooltip label={tooltip} multiline w={320} withArrow>
        <Badge color={look.color} variant="light" size={size} style={{ textTransform: 'none' }} data-testid="procedure-badge">
          {look.short}
          {/* An article number (R2123-1) is read whole: a narrow cell must not break it at its hyphen. */}
          {article && <span style={{ whiteSpace: 'nowrap' }}>{` · art. ${article}`}</span>}
        </Badge>
      </Tooltip>
      {isThresholdCrossed && (
        <Tooltip
          label="Seuil franchi : au moins un membre passe, en se groupant, à une procédure plus lourde que s’il achetait seul."
          multiline
          w={300}
          withArrow
        >
          <Badge color="orange" variant="filled" size={size} leftSection={<WarningIcon size={12} />} style={{ textTransform: 'none' }}>
            Seuil franchi
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}
