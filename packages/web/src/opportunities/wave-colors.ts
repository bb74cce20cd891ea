import type { Wave } from './opportunity-types';

const PALETTE = ['teal', 'violet', 'orange', 'pink', 'indigo'] as const;

/** CSS colour of the wave at `index` (0 = the start). */
export function waveColor(index: number): string {
  return `var(--mantine-color-${PALETTE[index % PALETTE.length]}-6)`;
}

/** Mantine colour name of the wave at `index`, for badges. */
export function waveColorName(index: number): string {
  return PALETTE[index % PALETTE.length] ?? 'teal';
}

/** Organization id → index of its wave in `waves`. */
export function waveIndexByMember(waves: Wave[]): Map<string, number> {
  const byMember = new Map<string, number>();
  waves.forEach((wave, index) => {
    for (const id of wave.organizationIds) byMember.set(id, index);
  });
  return byMember;
}

/** « Au démarrage » for the start, « Entrée différée » for a later entry into the same procedure. */
export function waveLabel(index: number): string {
  return index === 0 ? 'Au démarrage' : 'Entrée différée';
}
