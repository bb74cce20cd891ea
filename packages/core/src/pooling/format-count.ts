/** French display of a whole number: 8074 → « 8 074 » (plain spaces, no locale data needed). */
export function formatCount(value: number): string {
  const sign = value < 0 ? '-' : '';
  return `${sign}${String(Math.abs(Math.round(value))).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')}`;
}

/** French display of a share as a percentage: 0.0187 → « 1,9 % », 0.0007 → « 0,07 % », 0 → « 0 % ». */
export function formatPercent(share: number): string {
  const percent = share * 100;
  const digits = percent === 0 ? 0 : percent < 1 ? 2 : 1;
  return `${percent.toFixed(digits).replace('.', ',')} %`;
}
