import type { Cents } from '../domain/types';

/**
 * The maximum a member states in the convention for its estimated amount: rounded up to two
 * significant digits of euros (1 234 567 € → 1 300 000 €), as buyers set an accord-cadre's
 * maximum (R2121-8) with a margin. Co-signatories read it; rounding keeps the exact estimate,
 * and with the quantities the member's current unit price, from being read back.
 */
export function conventionMaximumOf(estimatedCents: Cents): Cents {
  if (estimatedCents <= 0) return 0;
  const euros = Math.ceil(estimatedCents / 100);
  const step = 10 ** Math.max(0, String(euros).length - 2);
  return Math.ceil(euros / step) * step * 100;
}
