import type { SupplierProfile } from '../domain/types';

/** How buyers and the facilitator reach a firm. */
export interface SupplierContact {
  name: string;
  email: string;
  phone: string;
}

/** What a firm's profile still lacks for the facilitator to match it with pooled demand, in French. */
export function supplierProfileGaps(profile: SupplierProfile | null, contact: SupplierContact | null): string[] {
  const gaps: string[] = [];
  if (profile === null || profile.description.trim() === '') gaps.push('Décrivez votre activité en quelques lignes.');
  if (profile === null || profile.competences.length === 0) gaps.push('Indiquez vos compétences (procédés, savoir-faire).');
  if (profile === null || profile.products.length === 0) gaps.push('Indiquez ce que vous produisez et vos capacités annuelles.');
  if (profile === null || profile.deliveryRadiusKm === 0) gaps.push('Indiquez jusqu’où vous livrez (rayon en km).');
  if (contact === null || (contact.email.trim() === '' && contact.phone.trim() === '')) gaps.push('Indiquez une personne à contacter.');
  return gaps;
}
