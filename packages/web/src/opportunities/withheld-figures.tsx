import { Alert, Text, Tooltip } from '@mantine/core';
import type { OpportunityMember } from './opportunity-types';
import type { ShareBandDto, WithheldDto } from '@mutualis/contract';

/** French text of each share band (the API gives the band, the screen says it). */
export const SHARE_BAND_TEXT: Record<ShareBandDto, string> = {
  under_10: 'moins de 10 %',
  '10_to_25': '10 à 25 %',
  '25_to_50': '25 à 50 %',
  '50_or_more': '50 % ou plus',
};

/** A padlock, drawn where a figure is not communicated. */
export function LockIcon({ size = 14 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <rect x="5" y="11" width="14" height="10" rx="2" />
      <path d="M8 11V7a4 4 0 0 1 8 0v4" />
    </svg>
  );
}

/** « non communiqué » in place of a figure, the reason on hover. */
export function WithheldValue({ withheld, size = 'sm' }: { withheld: WithheldDto | null; size?: 'xs' | 'sm' | 'lg' }) {
  return (
    <Tooltip label={withheld?.message ?? 'Chiffre non communiqué'} multiline w={300} withArrow>
      <Text size={size} c="dimmed" fs="italic" span style={{ whiteSpace: 'nowrap', cursor: 'help' }}>
        <LockIcon /> non communiqué
      </Text>
    </Tooltip>
  );
}

/** Why pooled figures are left out for this reader: said on screen where the figures would be. */
export function WithheldNote({ withheld, title = 'Chiffres non communiqués' }: { withheld: WithheldDto; title?: string }) {
  return (
    <Alert color="gray" variant="light" title={title} icon={<LockIcon size={18} />} data-testid="withheld-note">
      {withheld.message} Vous voyez vos propres montants, les noms et les volumes des autres membres.
    </Alert>
  );
}

/** A member's share: exact when it may be read, else its band. */
export function shareText(member: Pick<OpportunityMember, 'share' | 'shareBand'>, format: (share: number) => string): string {
  if (member.share !== null) return format(member.share);
  return member.shareBand === null ? '—' : SHARE_BAND_TEXT[member.shareBand];
}
