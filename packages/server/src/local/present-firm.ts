import type { RunningContract } from '@mutualis/core';
import type { LocalFirm } from './load-local-context';

/** A firm of the directory with the members' running contracts it holds (matched on the holder SIRET). */
export function presentFirm(firm: LocalFirm, contracts: readonly RunningContract[], buyerNames: ReadonlyMap<string, string>) {
  const { organization, profile, position } = firm;
  return {
    id: organization.id,
    name: organization.name,
    siret: organization.siret,
    inseeCode: organization.inseeCode,
    departementCode: organization.departementCode,
    position: [position[0], position[1]] as [number, number],
    profile,
    contractsHeld: contracts
      .filter((c) => c.holderSiret === organization.siret)
      .map((c) => ({ reference: c.reference, label: c.label, buyerName: buyerNames.get(c.organizationId) ?? '', startDate: c.startDate })),
  };
}
