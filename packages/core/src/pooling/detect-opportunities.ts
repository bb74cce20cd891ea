import type { CpvLevel } from '../cpv/cpv-code';
import type { Need, Organization, PoolingScope, PurchaseFamily } from '../domain/types';
import { sirenOf } from '../identity/siret';
import { buildOpportunity } from './build-opportunity';
import { gatherNeedColumns, toNeedColumns } from './need-columns';
import { createFamilyResolver } from './family-resolver';
import { groupByKey, type KeyGroups } from './group-by-key';
import type { Opportunity } from './opportunity';
import { type Position, resolveCells } from './resolve-cells';
import { createPoolabilityAssessor } from './assess-poolability';
import { formatCount } from './format-count';
import { rankOpportunities } from './rank-opportunities';
import { DEFAULT_MAX_POOLING_SPAN_KM, type SplitCell } from './split-wide-cells';

export interface DetectOpportunitiesOptions {
  organizations: readonly Organization[];
  needs: readonly Need[];
  families: readonly PurchaseFamily[];
  scope: PoolingScope;
  familyLevel: CpvLevel;
  confirmedOnly: boolean;
  positions?: Readonly<Record<string, Position>>;
  /** A `territory` or `region` zone whose buyers lie farther apart is split per département; default DEFAULT_MAX_POOLING_SPAN_KM. */
  maxSpanKm?: number;
}

/** Needs left out of every opportunity of their family, per family index. */
export interface FamilyLeftOut {
  rejected: Int32Array;
  unconfirmed: Int32Array;
  singleOrganization: Int32Array;
  included: Int32Array;
  /** Up to a few names of organizations alone in their cell, per family. */
  aloneNames: string[][];
}

export interface DetectOpportunitiesResult {
  /** Ranked by poolability, then by pooled annual amount, largest first (see `rankOpportunities`). */
  opportunities: Opportunity[];
  /** Zones of the scope too wide to pool in, split per département, and why (French); null when none was. */
  scopeNote: string | null;
  /** Needs whose organization is unknown (not in `organizations`). */
  unknownOrganizationNeedIds: string[];
}

const EXCLUDED = -1;

/**
 * Groups needs of at least two distinct buyers (SIRENs) by (cell, family). Columns live in typed
 * arrays and (cell, family) is one integer key, grouped by open addressing: no string-keyed map
 * in the per-need loop beyond the memoised family and organization lookups.
 */
export function detectOpportunities(options: DetectOpportunitiesOptions): DetectOpportunitiesResult {
  const { organizations, needs, families, scope, familyLevel, confirmedOnly, positions, maxSpanKm = DEFAULT_MAX_POOLING_SPAN_KM } = options;
  const orgIndex = new Map<string, number>();
  organizations.forEach((o, i) => {
    orgIndex.set(o.id, i);
  });
  const sirenIndex = new Map<string, number>();
  const orgSirens = organizations.map((o) => sirenOf(o.siret));
  const orgSiren = Int32Array.from(orgSirens, (siren) => {
    let i = sirenIndex.get(siren);
    if (i === undefined) {
      i = sirenIndex.size;
      sirenIndex.set(siren, i);
    }
    return i;
  });
  const resolver = createFamilyResolver({ families, level: familyLevel });
  const n = needs.length;
  const needOrg = new Int32Array(n);
  const needFamily = new Int32Array(n);
  const unknownOrganizationNeedIds: string[] = [];
  const buyerIds = new Set<string>();
  for (let i = 0; i < n; i += 1) {
    const need = needs[i] as Need;
    const o = orgIndex.get(need.organizationId);
    needOrg[i] = o ?? EXCLUDED;
    if (o === undefined) unknownOrganizationNeedIds.push(need.id);
    else buyerIds.add(need.organizationId);
    needFamily[i] = resolver.resolve(need.cpvCode, need.label);
  }
  const { cells, cellOf, split = [] } = resolveCells({ organizations, scope, positions, maxSpanKm, buyerIds });
  const orgCell = Int32Array.from(organizations, (o) => cellOf.get(o.id) ?? 0);
  const scopeNote = explainSplitCells(split, maxSpanKm);
  const assessPoolability = createPoolabilityAssessor();
  const familyCount = resolver.families.length;
  const leftOut: FamilyLeftOut = {
    rejected: new Int32Array(familyCount),
    unconfirmed: new Int32Array(familyCount),
    singleOrganization: new Int32Array(familyCount),
    included: new Int32Array(familyCount),
    aloneNames: Array.from({ length: familyCount }, () => []),
  };
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const need = needs[i] as Need;
    const f = needFamily[i] as number;
    const o = needOrg[i] as number;
    if (o === EXCLUDED) keys[i] = EXCLUDED;
    else if (need.status === 'rejected') {
      keys[i] = EXCLUDED;
      leftOut.rejected[f] = (leftOut.rejected[f] as number) + 1;
    } else if (confirmedOnly && need.status !== 'confirmed') {
      keys[i] = EXCLUDED;
      leftOut.unconfirmed[f] = (leftOut.unconfirmed[f] as number) + 1;
    } else {
      keys[i] = (orgCell[o] as number) * familyCount + f;
      leftOut.included[f] = (leftOut.included[f] as number) + 1;
    }
  }
  const groups = groupByKey(keys);
  const lastSeen = new Int32Array(sirenIndex.size).fill(-1);
  const pooled: number[] = [];
  for (let g = 0; g < groups.groupCount; g += 1) {
    let buyers = 0;
    const end = groups.start[g + 1] as number;
    for (let r = groups.start[g] as number; r < end; r += 1) {
      const s = orgSiren[needOrg[groups.rows[r] as number] as number] as number;
      if (lastSeen[s] !== g) {
        lastSeen[s] = g;
        buyers += 1;
      }
    }
    const f = (groups.keys[g] as number) % familyCount;
    if (buyers >= 2) pooled.push(g, buyers);
    else {
      leftOut.singleOrganization[f] = (leftOut.singleOrganization[f] as number) + end - (groups.start[g] as number);
      (leftOut.aloneNames[f] as string[]).push(smallestName(groups, g, needOrg, organizations));
    }
  }
  const order = orderPooledRows(groups, pooled, needOrg, rankById(organizations));
  const columns = gatherNeedColumns(toNeedColumns(needs), order.rows);
  const positionOrg = new Int32Array(order.rows.length);
  for (let j = 0; j < positionOrg.length; j += 1) positionOrg[j] = needOrg[order.rows[j] as number] as number;
  const cpvScratch = new Float64Array(columns.cpvCodes.length);
  const opportunities: Opportunity[] = [];
  for (let k = 0; k < pooled.length; k += 2) {
    const key = groups.keys[pooled[k] as number] as number;
    const f = key % familyCount;
    opportunities.push(
      buildOpportunity({
        from: order.start[k / 2] as number,
        to: order.start[k / 2 + 1] as number,
        columns,
        order: order.rows,
        positionOrg,
        organizations,
        orgSirens,
        cpvScratch,
        family: resolver.families[f] as (typeof resolver.families)[number],
        familyIndex: f,
        cell: cells[(key - f) / familyCount] as (typeof cells)[number],
        buyerCount: pooled[k + 1] as number,
        leftOut,
        assessPoolability,
        scopeNote,
      }),
    );
  }
  return { opportunities: rankOpportunities(opportunities), scopeNote, unknownOrganizationNeedIds: unknownOrganizationNeedIds.sort() };
}

/** Why a wide scope pools per département (French), or null. */
function explainSplitCells(split: readonly SplitCell[], maxSpanKm: number): string | null {
  if (split.length === 0) return null;
  const zones = split.map((s) => `${s.label} (au moins ${formatCount(s.spanKm)} km entre deux acheteurs)`).join(', ');
  return `Zone trop étendue pour un seul groupement : ${zones}. Au-delà de ${formatCount(maxSpanKm)} km entre acheteurs, les besoins sont regroupés par département.`;
}

/**
 * Rows of the pooled groups (`pooled` holds group, buyer count pairs), group after group, each
 * group ordered by member rank then input order, so that a member's needs form one run. One
 * numeric sort per group on rank × n + row (exact in a double while below 2^53).
 */
function orderPooledRows(groups: KeyGroups, pooled: readonly number[], needOrg: Int32Array, orgRank: Int32Array) {
  const count = pooled.length / 2;
  const start = new Int32Array(count + 1);
  let longest = 0;
  for (let k = 0; k < count; k += 1) {
    const g = pooled[2 * k] as number;
    const length = (groups.start[g + 1] as number) - (groups.start[g] as number);
    start[k + 1] = (start[k] as number) + length;
    longest = Math.max(longest, length);
  }
  const rows = new Int32Array(start[count] as number);
  const n = needOrg.length;
  const scratch = new Float64Array(longest);
  for (let k = 0; k < count; k += 1) {
    const g = pooled[2 * k] as number;
    const first = groups.start[g] as number;
    const length = (groups.start[g + 1] as number) - first;
    const sortKeys = scratch.subarray(0, length);
    for (let i = 0; i < length; i += 1) {
      const row = groups.rows[first + i] as number;
      sortKeys[i] = (orgRank[needOrg[row] as number] as number) * n + row;
    }
    sortKeys.sort();
    const offset = start[k] as number;
    for (let i = 0; i < length; i += 1) rows[offset + i] = (sortKeys[i] as number) % n;
  }
  return { rows, start };
}

/** The smallest organization name of a group: one SIREN may have several establishments, and the name must not depend on input order. */
function smallestName(groups: KeyGroups, g: number, needOrg: Int32Array, organizations: readonly Organization[]): string {
  let name: string | undefined;
  for (let r = groups.start[g] as number; r < (groups.start[g + 1] as number); r += 1) {
    const candidate = (organizations[needOrg[groups.rows[r] as number] as number] as Organization).name;
    if (name === undefined || candidate < name) name = candidate;
  }
  return name ?? '';
}

/** Position of each organization in the order of ids (members are listed by id). */
function rankById(organizations: readonly Organization[]): Int32Array {
  const order = Array.from(organizations.keys()).sort((a, b) => {
    const x = (organizations[a] as Organization).id;
    const y = (organizations[b] as Organization).id;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const rank = new Int32Array(organizations.length);
  order.forEach((o, position) => {
    rank[o] = position;
  });
  return rank;
}
