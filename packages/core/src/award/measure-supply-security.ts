import type { Cents } from '../domain/types';
import { haversineKm } from '../geo/communes';

/** A firm that can answer the lot, as security reads it. */
export interface SecurityBidder {
  id: string;
  name: string;
  position: readonly [number, number];
  /** Inputs it buys with their local sources (recipe-based offers); empty when it sells the product. */
  inputs: readonly { label: string; isOwn: boolean; localSupplierIds: readonly string[] }[];
}

/** A past contract of the family in the area: who held it, for how much, how many bids it drew (DECP `offresRecues`). */
export interface PastFamilyContract {
  holderKey: string;
  holderName: string;
  amountCents: Cents;
  offersReceived: number | null;
}

export interface SupplySecurity {
  expectedBidders: { localEligible: number; pastOffersMedian: number | null; pastContractsWithOffers: number; text: string };
  concentration: { hhi: number | null; holderCount: number; topHolder: { name: string; share: number } | null; text: string };
  dependence: { singleBidder: boolean; singleSourceInputs: string[]; text: string };
  distance: { farthestSiteKm: number | null; text: string };
  level: 'solide' | 'moyenne' | 'fragile';
  /** The weak points counted in the level. */
  risks: string[];
  explanation: string;
}

export interface MeasureSupplySecurityOptions {
  bidders: readonly SecurityBidder[];
  sites: readonly { code: string; name: string; position: readonly [number, number] }[];
  pastContracts: readonly PastFamilyContract[];
}

/** EU horizontal merger guidelines (2004/C 31/03, points 19–20): above 2 000 a market is highly concentrated. */
export const HHI_HIGH = 2000;
const FAR_KM = 100;

/**
 * Supply security of a lot from what the data supports: local firms able to answer it (a joint bid is one
 * bidder), the bids past contracts of the family drew when the DECP publish them, the concentration of
 * past holders (Herfindahl–Hirschman index on amounts, 0–10 000), inputs with a single local source, and
 * the farthest delivery site from its nearest able firm. Each weak point lowers the level.
 */
export function measureSupplySecurity({ bidders, sites, pastContracts }: MeasureSupplySecurityOptions): SupplySecurity {
  const withOffers = pastContracts.map((c) => c.offersReceived).filter((n): n is number => n !== null && n > 0);
  const pastOffersMedian = median(withOffers);
  const expectedText =
    `${bidders.length} entreprise${bidders.length > 1 ? 's' : ''} ou groupement${bidders.length > 1 ? 's' : ''} locaux peuvent répondre` +
    (pastOffersMedian === null
      ? ' ; offres reçues des marchés passés de la famille : non publiées dans les données essentielles disponibles'
      : ` ; les ${withOffers.length} marchés passés de la famille publiant leurs offres en ont reçu ${formatNumber(pastOffersMedian)} en médiane`);
  const byHolder = new Map<string, { name: string; cents: number }>();
  for (const c of pastContracts) {
    const h = byHolder.get(c.holderKey) ?? { name: c.holderName, cents: 0 };
    h.cents += Math.max(0, c.amountCents);
    byHolder.set(c.holderKey, h);
  }
  const total = [...byHolder.values()].reduce((s, h) => s + h.cents, 0);
  const shares = [...byHolder.values()]
    .map((h) => ({ name: h.name, share: total > 0 ? h.cents / total : 0 }))
    .sort((a, b) => b.share - a.share);
  const hhi = total > 0 ? Math.round(shares.reduce((s, h) => s + (h.share * 100) ** 2, 0)) : null;
  const top = shares[0] ?? null;
  const concentrationText =
    hhi === null
      ? 'Concentration des titulaires passés : aucun marché en cours de la famille connu'
      : `Concentration des titulaires passés : IHH ${formatNumber(hhi)} sur 10 000 pour ${byHolder.size} titulaire${byHolder.size > 1 ? 's' : ''} (${top?.name} : ${formatShare(top?.share ?? 0)} des montants)${hhi > HHI_HIGH ? ', marché très concentré (> 2 000)' : ''}`;
  const singleSourceInputs = [
    ...new Set(bidders.flatMap((b) => b.inputs.filter((i) => !i.isOwn && i.localSupplierIds.length <= 1).map((i) => i.label))),
  ].sort((a, b) => a.localeCompare(b, 'fr'));
  const dependenceText =
    bidders.length <= 1
      ? `Dépendance : ${bidders.length === 0 ? 'aucune entreprise locale' : `une seule entreprise locale (${bidders[0]?.name})`} peut répondre`
      : singleSourceInputs.length > 0
        ? `Dépendance : intrants à source locale unique ou absente — ${singleSourceInputs.join(', ')}`
        : 'Dépendance : plusieurs entreprises locales, intrants à plusieurs sources';
  const farthest = farthestSiteKm(bidders, sites);
  const distanceText =
    farthest === null
      ? 'Distance : aucune entreprise locale pour stocker et livrer'
      : `Distance de stockage et de livraison : le site le plus éloigné de l’entreprise capable la plus proche est à ${formatNumber(Math.round(farthest.km))} km (${farthest.site})`;
  const risks = [
    bidders.length < 2 ? 'moins de deux entreprises locales' : null,
    hhi !== null && hhi > HHI_HIGH ? 'titulaires passés très concentrés' : null,
    bidders.length > 0 && singleSourceInputs.length > 0 ? 'intrant à source unique' : null,
    farthest !== null && farthest.km > FAR_KM ? `site à plus de ${FAR_KM} km` : null,
  ].filter((r): r is string => r !== null);
  const level = risks.length === 0 ? 'solide' : risks.length === 1 ? 'moyenne' : 'fragile';
  return {
    expectedBidders: { localEligible: bidders.length, pastOffersMedian, pastContractsWithOffers: withOffers.length, text: expectedText },
    concentration: { hhi, holderCount: byHolder.size, topHolder: top, text: concentrationText },
    dependence: { singleBidder: bidders.length <= 1, singleSourceInputs, text: dependenceText },
    distance: { farthestSiteKm: farthest?.km ?? null, text: distanceText },
    level,
    risks,
    explanation: `Sécurité d’approvisionnement ${level}${risks.length > 0 ? ` : ${risks.join(', ')}` : ''}.`,
  };
}

function farthestSiteKm(
  bidders: readonly SecurityBidder[],
  sites: MeasureSupplySecurityOptions['sites'],
): { km: number; site: string } | null {
  if (bidders.length === 0 || sites.length === 0) return null;
  let worst: { km: number; site: string } | null = null;
  for (const s of sites) {
    const km = Math.min(...bidders.map((b) => haversineKm(b.position, s.position)));
    if (!worst || km > worst.km) worst = { km, site: s.name };
  }
  return worst;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function formatNumber(n: number): string {
  return n.toLocaleString('fr-FR', { maximumFractionDigits: 1 }).replace(/\u202f/g, '\u00a0');
}

function formatShare(share: number): string {
  return `${Math.round(share * 100)}\u00a0%`;
}
