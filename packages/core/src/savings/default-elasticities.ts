import { foldText } from '../cpv/cpv-catalog';
import { isCpvUnder } from '../cpv/cpv-code';
import type { PurchaseFamily } from '../domain/types';

/** Volume elasticity b of the unit price p(V) = p_ref × (V/V_ref)^(−b), with a range and its provenance. */
export type Elasticity = PurchaseFamily['elasticity'];

/** Upper bound of b for any family: the −0.329 fragmentation elasticity (domain-procurement.md §8.1). */
export const MAX_ELASTICITY = 0.33;

interface ElasticitySegment {
  segment: string;
  cpvPrefixes: string[];
  keywords: string[];
  elasticity: Elasticity;
}

const SOURCE = 'domain-procurement.md §8.2 (hypothèses éditables)';

/** Default elasticities per segment (domain-procurement.md §8.2), matched by CPV prefix then by label keyword. */
export const DEFAULT_ELASTICITIES: readonly ElasticitySegment[] = [
  {
    segment: 'sel de déneigement',
    cpvPrefixes: ['14400000', '34927100'],
    keywords: ['sel', 'deneigement', 'salage'],
    elasticity: {
      low: 0,
      central: 0.03,
      high: 0.06,
      provenance: `${SOURCE} : le transport domine, la mutualisation ne raccourcit pas le fret.`,
    },
  },
  {
    segment: 'papier',
    cpvPrefixes: ['30197630', '30197640', '30199100'],
    keywords: ['papier', 'ramette'],
    elasticity: { low: 0.03, central: 0.06, high: 0.1, provenance: `${SOURCE} : bien standardisé (Bandiera, Prat et Valletti 2009).` },
  },
  {
    segment: 'fournitures de bureau',
    cpvPrefixes: ['30190000'],
    keywords: ['fournitures de bureau'],
    elasticity: { low: 0.05, central: 0.1, high: 0.15, provenance: `${SOURCE} : remises catalogue croissantes avec le panier.` },
  },
  {
    segment: 'EPI et gants',
    cpvPrefixes: ['18141000', '18143000', '18424000', '35113400'],
    keywords: ['gants', 'epi', 'protection individuelle'],
    elasticity: { low: 0.04, central: 0.08, high: 0.12, provenance: `${SOURCE} : remises volume modérées, nombreuses références.` },
  },
  {
    segment: 'imprimés (carnets, livrets)',
    cpvPrefixes: ['22100000', '22160000', '22800000'],
    keywords: ['carnet', 'livret', 'fascicule', 'imprime'],
    elasticity: { low: 0.1, central: 0.2, high: 0.3, provenance: `${SOURCE} : coûts fixes de calage et de prépresse.` },
  },
  {
    segment: 'gel hydroalcoolique',
    cpvPrefixes: ['33741300', '33631600'],
    keywords: ['hydroalcoolique', 'hydro-alcoolique'],
    elasticity: {
      low: 0.05,
      central: 0.1,
      high: 0.2,
      provenance: `${SOURCE} : économies d’échelle jusqu’à la capacité de l’unité locale.`,
    },
  },
];

/** Elasticity used when no segment matches. */
export const FALLBACK_ELASTICITY: Elasticity = {
  low: 0,
  central: 0.05,
  high: 0.1,
  provenance: `${SOURCE} : valeur générique (3,4 % d’économie par doublement du volume au central).`,
};

/**
 * The default elasticity of a family: the segment of the first code (callers list the needs' CPV
 * codes by decreasing amount, then the family codes) that lies under a segment prefix (most
 * specific prefix), else a label keyword, else the fallback.
 */
export function defaultElasticity(family: { cpvCodes: readonly string[]; label: string }): Elasticity {
  for (const code of family.cpvCodes) {
    let best: { digits: number; elasticity: Elasticity } | undefined;
    for (const seg of DEFAULT_ELASTICITIES) {
      for (const prefix of seg.cpvPrefixes) {
        const digits = prefix.replace(/0+$/, '').length;
        if (isCpvUnder(code, prefix) && (!best || digits > best.digits)) best = { digits, elasticity: seg.elasticity };
      }
    }
    if (best) return best.elasticity;
  }
  const label = foldText(family.label);
  const byKeyword = DEFAULT_ELASTICITIES.find((seg) => seg.keywords.some((k) => new RegExp(`\\b${k}s?\\b`).test(label)));
  return byKeyword?.elasticity ?? FALLBACK_ELASTICITY;
}
