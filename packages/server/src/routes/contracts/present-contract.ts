import type { RunningContractDto } from '@mutualis/contract';
import { type RunningContract, withoutDecpAmounts } from '@mutualis/core';
import type { Actor } from '../../authz/actor';
import { canSeePrices } from '../../authz/visibility';

/** The API view of a running contract: amount (and the provenance line quoting it) left out when the caller may not see this organization's prices. */
export function presentContract(actor: Actor, territoryIds: readonly string[], contract: RunningContract): RunningContractDto {
  const visible = canSeePrices(actor, territoryIds, contract.organizationId);
  return {
    ...contract,
    amountCents: visible ? contract.amountCents : null,
    decpProvenance: visible ? contract.decpProvenance : withoutDecpAmounts(contract.decpProvenance),
    pricesHidden: !visible,
  };
}
