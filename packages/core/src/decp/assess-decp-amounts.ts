import type { Cents, ContractNature, OrganizationKind } from '../domain/types';
import type { AmountAnomalyFlag } from './decp-flag';

/** What the amount rule needs to know of one contract. */
export interface DecpAmountFacts {
  id: string;
  /** CPV 2008 code; '' when unknown (then not assessed). */
  cpvCode: string;
  nature: ContractNature;
  buyerKind: OrganizationKind;
  amountCents: Cents | null;
  durationMonths: number;
  /** A placeholder amount (flagged `amount_sentinel`): neither a peer nor assessed. */
  isSentinel: boolean;
}

export interface AssessDecpAmountsOptions {
  /** Smallest peer group whose statistics are trusted; 30 by default (decp-processing's `ANOMALY_GROUPE_MIN_SIZE`). */
  minPeers?: number;
  suspectScore?: number;
  aberrantScore?: number;
}

type ContractType = 'works' | 'supplies' | 'services';

const TYPE_LABELS: Record<ContractType, string> = { works: 'travaux', supplies: 'fournitures', services: 'services' };
const NATURE_LABELS: Record<ContractNature, string> = { marche: 'marchés', accord_cadre: 'accords-cadres' };
const KIND_LABELS: Record<OrganizationKind, string> = {
  departement: 'départements',
  region: 'régions',
  commune: 'communes',
  epci: 'intercommunalités',
  hospital: 'établissements de santé',
  state: 'services de l’État',
  other_public: 'autres acheteurs publics',
  sme: 'PME',
  large_company: 'grandes entreprises',
  association: 'associations',
};

/** A contract as its peer groups see it. */
export interface DecpAmountPeer {
  facts: DecpAmountFacts;
  type: ContractType;
  basis: AmountAnomalyFlag['basis'];
  comparedCents: number;
  /** log10 of the compared amount in euros, + 1. */
  x: number;
}

interface GroupStats {
  count: number;
  median: number;
  mad: number;
  medianCents: number;
}

/** A peer-group level: how a contract's key at that level is built, and how the group is described in French. */
interface Level {
  key: (peer: DecpAmountPeer) => string;
  describe: (peer: DecpAmountPeer) => string;
}

const LEVELS: Level[] = [
  {
    key: (p) => `${p.facts.cpvCode.slice(0, 4)}|${p.facts.nature}|${p.facts.buyerKind}`,
    describe: (p) => `classe CPV ${p.facts.cpvCode.slice(0, 4)}, ${NATURE_LABELS[p.facts.nature]}, ${KIND_LABELS[p.facts.buyerKind]}`,
  },
  {
    key: (p) => `${p.facts.cpvCode.slice(0, 2)}|${p.facts.nature}|${p.facts.buyerKind}`,
    describe: (p) => `division CPV ${p.facts.cpvCode.slice(0, 2)}, ${NATURE_LABELS[p.facts.nature]}, ${KIND_LABELS[p.facts.buyerKind]}`,
  },
  {
    key: (p) => `${p.type}|${p.facts.nature}|${p.facts.buyerKind}`,
    describe: (p) => `${TYPE_LABELS[p.type]}, ${NATURE_LABELS[p.facts.nature]}, ${KIND_LABELS[p.facts.buyerKind]}`,
  },
  {
    key: (p) => `${p.type}|${p.facts.nature}`,
    describe: (p) => `${TYPE_LABELS[p.type]}, ${NATURE_LABELS[p.facts.nature]}, tous acheteurs`,
  },
];

/**
 * Flags amounts far above those of comparable contracts, the rule of the open-source DECP
 * consolidation (decp-processing, « rationalisation des montants anormaux »): amounts are compared
 * per month for supplies and services over more than one month (an accord-cadre's maximum spans its
 * duration), whole for works; on log10(euros + 1), each contract gets a robust score = (x − median)
 * ÷ median absolute deviation of its peer group — CPV class × nature × buyer kind, widened to the
 * CPV division, then the contract type (works, supplies, services), then type × nature alone, until
 * the group holds `minPeers` contracts. Above 4 the amount is suspect, above 6 aberrant. Contracts
 * without amount or CPV code, and placeholder amounts, are neither peers nor assessed; a group with
 * no spread (MAD 0) flags nothing. Returns the flags by contract id (contracts not flagged are absent).
 */
export function assessDecpAmounts(
  contracts: readonly DecpAmountFacts[],
  options: AssessDecpAmountsOptions = {},
): Map<string, AmountAnomalyFlag> {
  const groups = new DecpAmountPeerGroups();
  for (const facts of contracts) groups.add(facts);
  const stats = groups.finish();
  const flags = new Map<string, AmountAnomalyFlag>();
  for (const facts of contracts) {
    const flag = assessDecpAmount(stats, facts, options);
    if (flag !== null) flags.set(facts.id, flag);
  }
  return flags;
}

/** Peer-group statistics (median, MAD, size) at each level, from `DecpAmountPeerGroups.finish`. */
export interface DecpAmountPeerStats {
  levels: Map<string, GroupStats>[];
  /** One contract of each finest group (CPV class × nature × buyer kind), standing for the group. */
  finestPeers: readonly DecpAmountPeer[];
}

/**
 * Collects the compared amounts of every contract by peer group, one contract at a time (a
 * caller reading millions of contracts page by page holds only these numbers), then computes
 * each group's statistics once. Each amount is held once, in its group of the finest level (a
 * typed array): a group of a wider level is the union of finer ones, gathered when finishing.
 */
export class DecpAmountPeerGroups {
  private readonly finest = new Map<string, { peer: DecpAmountPeer; cents: Float64Array; count: number }>();

  add(facts: DecpAmountFacts): void {
    const peer = toPeer(facts);
    if (peer === null) return;
    const key = (LEVELS[0] as Level).key(peer);
    const group = this.finest.get(key);
    if (group === undefined) {
      const cents = new Float64Array(16);
      cents[0] = peer.comparedCents;
      this.finest.set(key, { peer, cents, count: 1 });
      return;
    }
    if (group.count === group.cents.length) {
      const grown = new Float64Array(group.cents.length * 2);
      grown.set(group.cents);
      group.cents = grown;
    }
    group.cents[group.count] = peer.comparedCents;
    group.count += 1;
  }

  finish(): DecpAmountPeerStats {
    const levels = LEVELS.map((level) => {
      const parts = new Map<string, Float64Array[]>();
      for (const group of this.finest.values()) {
        const key = level.key(group.peer);
        const list = parts.get(key);
        const values = group.cents.subarray(0, group.count);
        if (list === undefined) parts.set(key, [values]);
        else list.push(values);
      }
      return new Map([...parts].map(([key, list]) => [key, groupStats(concat(list))]));
    });
    return { levels, finestPeers: [...this.finest.values()].map((group) => group.peer) };
  }
}

function concat(parts: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The verdict on one contract's amount against its peers (see `assessDecpAmounts`), or null when it is not anomalous. */
export function assessDecpAmount(
  stats: DecpAmountPeerStats,
  facts: DecpAmountFacts,
  options: AssessDecpAmountsOptions = {},
): AmountAnomalyFlag | null {
  const peer = toPeer(facts);
  if (peer === null) return null;
  const found = peerGroupOf(stats, peer, options.minPeers ?? 30);
  if (found === null) return null;
  const { level, stats: group } = found;
  if (group.mad === 0) return null;
  const score = (peer.x - group.median) / group.mad;
  if (score <= (options.suspectScore ?? 4)) return null;
  return {
    code: 'amount_anomalous',
    value: facts.amountCents as Cents,
    level: score > (options.aberrantScore ?? 6) ? 'aberrant' : 'suspect',
    score: Math.round(score * 100) / 100,
    basis: peer.basis,
    comparedCents: peer.comparedCents,
    peerMedianCents: group.medianCents,
    peerCount: group.count,
    peerGroup: level.describe(peer),
  };
}

/** A finest peer group's floor: see `decpAmountFlagFloors`. */
export interface DecpAmountFlagFloor {
  /** The group: CPV class (the code's first four digits), nature and buyer kind. */
  cpvClass: string;
  nature: ContractNature;
  buyerKind: OrganizationKind;
  /** Works are compared whole; supplies and services per month when they last more than one month. */
  isWorks: boolean;
  /** `assessDecpAmount` flags no contract of the group whose compared amount (cents) is at or below it. */
  floorCents: number;
}

/**
 * For each finest peer group (CPV class × nature × buyer kind) whose contracts can be flagged, a
 * compared amount at or below which none is: every contract of a group meets the same levels, so
 * one bound per group holds. A store that already has every verdict then needs to assess again only
 * the contracts above their group's floor and those with a verdict stored, not all. Slightly below
 * the exact bound (never above it), so that rounding cannot leave a flagged contract out.
 */
export function decpAmountFlagFloors(stats: DecpAmountPeerStats, options: AssessDecpAmountsOptions = {}): DecpAmountFlagFloor[] {
  const floors: DecpAmountFlagFloor[] = [];
  for (const peer of stats.finestPeers) {
    const group = peerGroupOf(stats, peer, options.minPeers ?? 30);
    if (group === null || group.stats.mad === 0) continue;
    // score > s ⇔ x > median + s × MAD ⇔ compared cents > 100 × (10^(median + s × MAD) − 1)
    const exact = 100 * (10 ** (group.stats.median + (options.suspectScore ?? 4) * group.stats.mad) - 1);
    floors.push({
      cpvClass: peer.facts.cpvCode.slice(0, 4),
      nature: peer.facts.nature,
      buyerKind: peer.facts.buyerKind,
      isWorks: peer.type === 'works',
      floorCents: Math.floor(exact * (1 - 1e-9)) - 1,
    });
  }
  return floors;
}

/** The first level at which the peer's group holds `minPeers` contracts, or null. */
function peerGroupOf(stats: DecpAmountPeerStats, peer: DecpAmountPeer, minPeers: number): { level: Level; stats: GroupStats } | null {
  for (const [i, level] of LEVELS.entries()) {
    const group = stats.levels[i]?.get(level.key(peer));
    if (group !== undefined && group.count >= minPeers) return { level, stats: group };
  }
  return null;
}

/** Works: division 45; supplies: divisions 03–44 and 48 (software packages); services: the rest. */
export function contractTypeOfCpv(cpvCode: string): ContractType {
  const division = Number(cpvCode.slice(0, 2));
  if (division === 45) return 'works';
  return division < 45 || division === 48 ? 'supplies' : 'services';
}

function toPeer(facts: DecpAmountFacts): DecpAmountPeer | null {
  if (facts.amountCents === null || facts.amountCents <= 0 || facts.cpvCode === '' || facts.isSentinel) return null;
  const type = contractTypeOfCpv(facts.cpvCode);
  const isMonthly = type !== 'works' && facts.durationMonths > 1;
  const comparedCents = isMonthly ? Math.round(facts.amountCents / facts.durationMonths) : facts.amountCents;
  return { facts, type, basis: isMonthly ? 'monthly' : 'total', comparedCents, x: toX(comparedCents) };
}

function toX(comparedCents: number): number {
  return Math.log10(comparedCents / 100 + 1);
}

/** Median and MAD of x = log10(euros + 1), x growing with the amount: sorting the amounts sorts the xs. */
function groupStats(cents: Float64Array): GroupStats {
  const sortedCents = cents.sort();
  const xs = sortedCents.map(toX);
  const median = medianOfSorted(xs);
  const deviations = xs.map((x) => Math.abs(x - median)).sort();
  return { count: xs.length, median, mad: medianOfSorted(deviations), medianCents: Math.round(medianOfSorted(sortedCents)) };
}

function medianOfSorted(values: Float64Array): number {
  const n = values.length;
  const mid = n >> 1;
  return n % 2 === 1 ? (values[mid] as number) : ((values[mid - 1] as number) + (values[mid] as number)) / 2;
}
