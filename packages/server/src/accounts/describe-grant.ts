import { nameWithArticleFr } from '@mutualis/core';
import type { Role } from '@mutualis/core';

/** What a role is, in the words of the invitation e-mail: « comme acheteur pour Ville de Bayonne (territoire Pays basque) ». */
export function describeGrant(role: Role, territoryName: string, organizationName: string | null): string {
  switch (role) {
    case 'facilitator':
      return `comme animateur du territoire ${territoryName}`;
    case 'observer':
      return `comme observateur du territoire ${territoryName}`;
    case 'member':
      return `comme acheteur pour ${organizationName ? nameWithArticleFr(organizationName) : 'votre organisation'} (territoire ${territoryName})`;
    case 'supplier':
      return `pour l’entreprise ${organizationName ?? ''} (territoire ${territoryName})`;
  }
}
