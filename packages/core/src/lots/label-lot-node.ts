import { getCpv } from '../cpv/cpv-catalog';
import { getCommune, getDepartement, getEpci } from '../geo/communes';

/** French label of a lot from its geographic and product node keys ("Charente — Produits désinfectants pour les mains"). */
export function labelLotNode(geoKey: string, productKey: string, territoryLabel: string): string {
  return `${geoLabel(geoKey, territoryLabel)} — ${productLabel(productKey)}`;
}

function geoLabel(key: string, territoryLabel: string): string {
  const code = key.slice(2);
  if (key.startsWith('D:')) return getDepartement(code)?.name ?? `Département ${code}`;
  if (key.startsWith('E:')) return getEpci(code)?.name ?? `EPCI ${code}`;
  if (key.startsWith('C:')) return getCommune(code)?.name ?? `Commune ${code}`;
  return territoryLabel;
}

function productLabel(key: string): string {
  if (key === '*') return 'tous produits';
  const code = key.startsWith('=') ? key.slice(1) : key.padEnd(8, '0');
  return getCpv(code)?.labelFr ?? `CPV ${code}`;
}
