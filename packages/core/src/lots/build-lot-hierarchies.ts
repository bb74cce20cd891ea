import { cpvSignificantDigits } from '../cpv/cpv-code';
import type { DemandUnit, LotSite } from './types';

/** A rooted tree with integer node ids; node 0 is the root. */
export interface Hierarchy {
  keys: string[];
  parent: number[];
  children: number[][];
  idOf: Map<string, number>;
  /** Leaf id of a site code (geography) or of a sub-family CPV (product). */
  leafOf: Map<string, number>;
}

/** Product levels below the root: division, group, class, category (number of CPV digits). */
const PRODUCT_PREFIX_DIGITS = [2, 3, 4, 5] as const;

/**
 * The two hierarchies of algorithms.md §5: geography T ⊃ département ⊃ EPCI ⊃ commune (`T`,
 * `D:67`, `E:<siren>`, `C:<insee>`) and product * ⊃ division ⊃ group ⊃ class ⊃ category ⊃
 * sub-family (`*`, CPV prefixes, `=<cpv>`). Only levels that some demand unit uses are created.
 */
export function buildLotHierarchies(sites: readonly LotSite[], demand: readonly DemandUnit[]): { geo: Hierarchy; product: Hierarchy } {
  const geo = newHierarchy('T');
  for (const site of sites) {
    const dep = ensure(geo, `D:${site.departementCode}`, 0);
    const parent = site.epciCode === null ? dep : ensure(geo, `E:${site.epciCode}`, dep);
    geo.leafOf.set(site.code, ensure(geo, `C:${site.code}`, parent));
  }
  const product = newHierarchy('*');
  for (const cpv of new Set(demand.map((d) => d.cpvCode))) {
    // A sub-family coded at the class level (4 digits) sits directly under its class node.
    const digits = cpvSignificantDigits(cpv);
    let parent = 0;
    for (const d of PRODUCT_PREFIX_DIGITS) if (d <= digits) parent = ensure(product, cpv.slice(0, d), parent);
    product.leafOf.set(cpv, ensure(product, `=${cpv}`, parent));
  }
  return { geo, product };
}

function newHierarchy(rootKey: string): Hierarchy {
  return { keys: [rootKey], parent: [-1], children: [[]], idOf: new Map([[rootKey, 0]]), leafOf: new Map() };
}

function ensure(h: Hierarchy, key: string, parent: number): number {
  const found = h.idOf.get(key);
  if (found !== undefined) return found;
  const id = h.keys.length;
  h.idOf.set(key, id);
  h.keys.push(key);
  h.parent.push(parent);
  h.children.push([]);
  h.children[parent]?.push(id);
  return id;
}
