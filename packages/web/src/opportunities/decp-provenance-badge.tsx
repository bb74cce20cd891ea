import { Badge, List, Text, Tooltip } from '@mantine/core';

/**
 * « modifié par avenant » (or « début estimé ») next to a running contract's dates when the DECP
 * import explained them; the explanation sentences in a tooltip. Nothing for a plain contract.
 */
export function DecpProvenanceBadge({ lines }: { lines: readonly string[] }) {
  if (lines.length === 0) return null;
  return (
    <Tooltip label={<ProvenanceLines lines={lines} />} multiline w={460} withArrow events={{ hover: true, focus: true, touch: true }}>
      <Badge
        size="xs"
        variant="light"
        color="orange"
        style={{ textTransform: 'none', cursor: 'help' }}
        tabIndex={0}
        aria-label={`${badgeLabel(lines)} : ${lines.join(' ')}`}
        data-testid="decp-provenance-badge"
      >
        {badgeLabel(lines)}
      </Badge>
    </Tooltip>
  );
}

/** The explanation sentences, one item each (for a tooltip or an expanded line). */
export function ProvenanceLines({ lines }: { lines: readonly string[] }) {
  return (
    <List size="xs" spacing={2}>
      {lines.map((line) => (
        <List.Item key={line}>
          <Text size="xs" inherit>
            {line}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

// The import names each amendment « (modifications[i]) »; without one only the start was estimated.
function badgeLabel(lines: readonly string[]): string {
  return lines.some((line) => line.includes('(modifications[')) ? 'modifié par avenant' : 'début estimé';
}
