import type { NeedDto } from '@mutualis/contract';
import type { Need } from '@mutualis/core';
import type { Actor } from '../../authz/actor';
import { canSeePrices } from '../../authz/visibility';

/** The API view of a need: prices blanked when the caller may not see this organization's prices. */
export function presentNeed(actor: Actor, territoryIds: readonly string[], need: Need): NeedDto {
  const visible = canSeePrices(actor, territoryIds, need.organizationId);
  return {
    ...need,
    unitPriceCents: visible ? need.unitPriceCents : null,
    annualAmountCents: visible ? need.annualAmountCents : null,
    pricesHidden: !visible,
  };
}
