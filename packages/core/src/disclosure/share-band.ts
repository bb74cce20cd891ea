/** Coarse bands in which a member reads a share it may not read exactly (its own or another member's). */
export const SHARE_BANDS = ['under_10', '10_to_25', '25_to_50', '50_or_more'] as const;
export type ShareBand = (typeof SHARE_BANDS)[number];

/** French label of each band. */
export const SHARE_BAND_LABELS: Record<ShareBand, string> = {
  under_10: 'moins de 10 %',
  '10_to_25': '10 à 25 %',
  '25_to_50': '25 à 50 %',
  '50_or_more': '50 % ou plus',
};

/** The band of a share between 0 and 1 (lower bounds included: 0.10 is « 10 à 25 % »). */
export function shareBandOf(share: number): ShareBand {
  if (share < 0.1) return 'under_10';
  if (share < 0.25) return '10_to_25';
  if (share < 0.5) return '25_to_50';
  return '50_or_more';
}
