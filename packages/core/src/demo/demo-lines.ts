import type { IsoDate, Need, NeedConfidence, Organization, RunningContract } from '../domain/types';
import type { UnitCode } from '../units';
import { demoContract, demoNeed } from './demo-records';

/** A kind of purchase a demo territory's members make (one need per member and item). */
export interface DemoItem {
  cpvCode: string;
  label: string;
  /** Null for needs known only by their annual amount. */
  unit: UnitCode | null;
  /** Short code used in ids and contract references (e.g. `SEL`), unique within a territory. */
  refCode: string;
  /** For `box`/`pack` units: how many units one holds. */
  unitsPerPack?: number;
  confidence?: NeedConfidence;
  csrRequirements?: string[];
  qualityRequirements?: string;
}

/** Terms of the running contract behind a demo need. */
export interface DemoContractTerms {
  endInMonths: number;
  durationMonths: number;
  renewalCount: number;
  renewalMonths: number;
  renewalsUsed: number;
  holder: { name: string; siret: string };
}

/** One member's need for one item, with the contract it currently buys under (null: no contract). */
export interface DemoLine {
  organization: Organization;
  item: DemoItem;
  /** Annual quantity in the item's unit; null when only the annual amount is known. */
  quantity: number | null;
  /** Unit price in cents when a quantity is given, else the annual amount in cents. */
  cents: number;
  deliveryCommunes?: string[];
  contract: DemoContractTerms | null;
}

/** Turns demo lines into needs and running contracts with stable ids and dates computed from `now`. */
export function buildDemoLines(now: IsoDate, lines: DemoLine[]): { needs: Need[]; runningContracts: RunningContract[] } {
  const needs: Need[] = [];
  const runningContracts: RunningContract[] = [];
  for (const line of lines) {
    const need = needOf(line);
    needs.push(need);
    if (line.contract) {
      const orgCode = line.organization.id.replace(/^demo-org-/, '');
      runningContracts.push(
        demoContract({
          id: `demo-contract-${orgCode}-${line.item.refCode.toLowerCase()}`,
          need,
          reference: `AC-${orgCode.toUpperCase()}-${line.item.refCode}`,
          now,
          ...line.contract,
        }),
      );
    }
  }
  return { needs, runningContracts };
}

function needOf({ organization, item, quantity, cents, deliveryCommunes }: DemoLine): Need {
  const { cpvCode, label, unit, unitsPerPack, refCode, confidence, csrRequirements, qualityRequirements } = item;
  const common = {
    id: `demo-need-${organization.id.replace(/^demo-org-/, '')}-${refCode.toLowerCase()}`,
    organization,
    cpvCode,
    label,
    deliveryCommunes,
    confidence,
    csrRequirements,
    qualityRequirements,
  };
  if (quantity === null || unit === null) return demoNeed({ ...common, annualAmountCents: cents });
  return demoNeed({ ...common, quantity: { value: quantity, unit, unitPriceCents: cents, unitsPerPack } });
}
