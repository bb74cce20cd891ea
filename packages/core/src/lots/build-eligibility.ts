import { isCpvUnder } from '../cpv/cpv-code';
import { haversineKm } from '../geo/communes';
import type { LotGraph } from './build-lot-graph';
import type { LotFirm, LotSite } from './types';

/** Eligibility of local firms for candidate lots, by node of the lot graph. */
export interface Eligibility {
  /** Number of eligible firms, counting no further than `atMost`. */
  count(node: number, atMost: number): number;
  /** Indices of every eligible firm. */
  list(node: number): number[];
}

const KM_PER_DEGREE_LAT = 111.2;

/**
 * A firm is eligible for a lot when it supplies or can produce every sub-family of the lot, every
 * site of the lot is within its delivery radius, and each of its offers has free capacity for the
 * lot's volume it would carry (algorithms.md §5). Reach is precomputed as one bitset over firms per
 * site (the transpose of "sites per firm": 2,000 sites × 5,000 firms = 10^7 bits); candidates of a
 * lot are the AND of its children's bitsets, since a lot's sites and sub-families are the union of
 * its children's. Capacity, which does not decompose, is then checked firm by firm.
 */
export function buildEligibility(graph: LotGraph, sites: readonly LotSite[], firms: readonly LotFirm[]): Eligibility {
  const words = Math.ceil(firms.length / 32);
  const reach = sites.map((site) => reachBitset(site, firms, words));
  const S = graph.subFamilies.length;
  const offerOf = new Int16Array(firms.length * S).fill(-1);
  const covers = graph.subFamilies.map(() => new Uint32Array(words));
  firms.forEach((firm, f) => {
    graph.subFamilies.forEach((cpv, s) => {
      const o = mostSpecificOffer(firm, cpv);
      if (o < 0) return;
      offerOf[f * S + s] = o;
      (covers[s] as Uint32Array)[f >>> 5] = ((covers[s] as Uint32Array)[f >>> 5] as number) | (1 << (f & 31));
    });
  });
  const memo: (Uint32Array | undefined)[] = new Array(graph.nodes.length);
  const load = new Float64Array(Math.max(1, ...firms.map((f) => f.offers.length)));

  const candidates = (id: number): Uint32Array => {
    const cached = memo[id];
    if (cached) return cached;
    const node = graph.nodes[id];
    if (!node) throw new Error(`no lot node ${id}`);
    const cut = node.geoCut.length > 0 ? node.geoCut : node.productCut;
    let bits: Uint32Array;
    if (cut.length > 0) {
      bits = candidates(cut[0] as number).slice();
      for (const child of cut.slice(1)) andInto(bits, candidates(child));
    } else {
      // No cut: one site and one sub-family.
      const site = graph.siteOfUnit[node.units[0] as number] as number;
      const subFamily = (node.subFamilyVolumes[0] as [number, number])[0];
      bits = (reach[site] as Uint32Array).slice();
      andInto(bits, covers[subFamily] as Uint32Array);
    }
    memo[id] = bits;
    return bits;
  };

  const hasCapacity = (f: number, id: number): boolean => {
    const firm = firms[f] as LotFirm;
    const volumes = (graph.nodes[id] as { subFamilyVolumes: [number, number][] }).subFamilyVolumes;
    load.fill(0, 0, firm.offers.length);
    for (const [s, v] of volumes) {
      const o = offerOf[f * S + s] as number;
      if (o < 0) return false;
      load[o] = (load[o] as number) + v;
      // 1e-9 relative slack: capacity exactly equal to the volume is enough.
      if ((load[o] as number) > (firm.offers[o]?.freeCapacity ?? 0) * (1 + 1e-9)) return false;
    }
    return true;
  };

  const scan = (id: number, atMost: number): number[] => {
    const bits = candidates(id);
    const found: number[] = [];
    for (let w = 0; w < words; w++) {
      let word = bits[w] as number;
      while (word !== 0) {
        const bit = 31 - Math.clz32(word & -word);
        word &= word - 1;
        const f = w * 32 + bit;
        if (hasCapacity(f, id)) found.push(f);
        if (found.length >= atMost) return found;
      }
    }
    return found;
  };

  return { count: (id, atMost) => scan(id, atMost).length, list: (id) => scan(id, Number.POSITIVE_INFINITY) };
}

/** A firm's offer covering a sub-family: a code above it, or a finer code inside it; the finest wins. */
export function mostSpecificOffer(firm: LotFirm, cpv: string): number {
  let best = -1;
  let bestDigits = -1;
  firm.offers.forEach((offer, o) => {
    if (!isCpvUnder(cpv, offer.cpvCode) && !isCpvUnder(offer.cpvCode, cpv)) return;
    const digits = offer.cpvCode.replace(/0+$/, '').length;
    if (digits > bestDigits) {
      best = o;
      bestDigits = digits;
    }
  });
  return best;
}

function reachBitset(site: LotSite, firms: readonly LotFirm[], words: number): Uint32Array {
  const bits = new Uint32Array(words);
  const [lon, lat] = site.position;
  firms.forEach((firm, f) => {
    const r = firm.deliveryRadiusKm;
    // Cheap box test first (a lower bound of the distance, taken at the higher latitude); the great-circle distance decides.
    if (Math.abs(firm.position[1] - lat) * KM_PER_DEGREE_LAT > r + 1) return;
    const kmPerDegreeLon = KM_PER_DEGREE_LAT * Math.cos((Math.max(Math.abs(lat), Math.abs(firm.position[1])) * Math.PI) / 180);
    if (Math.abs(firm.position[0] - lon) * kmPerDegreeLon > r + 1) return;
    if (haversineKm(firm.position, site.position) <= r) bits[f >>> 5] = (bits[f >>> 5] as number) | (1 << (f & 31));
  });
  return bits;
}

function andInto(target: Uint32Array, other: Uint32Array): void {
  for (let i = 0; i < target.length; i++) target[i] = (target[i] as number) & (other[i] as number);
}
