import { MAX_CENTS } from '@mutualis/contract';
import { DomainError, type FieldIssue, type Need } from '@mutualis/core';

/** The fields of a need that depend on one another, before the amount is settled. */
export type NeedDraft = Omit<Need, 'id' | 'annualAmountCents' | 'amountIsDerived'> & { annualAmountCents: number | null };

/**
 * Checks the cross-field rules of a need and settles its annual amount: the stated amount, or
 * quantity × unit price when none is stated. Throws `validation_failed` naming every bad field.
 */
export function settleNeedAmount(draft: NeedDraft): Omit<Need, 'id'> {
  const issues: FieldIssue[] = [];
  if (draft.quantity !== null && draft.unit === null) issues.push({ field: 'unit', reason: 'Précisez l’unité de la quantité.' });
  if (draft.unit !== null && draft.quantity === null)
    issues.push({ field: 'quantity', reason: 'Une unité sans quantité : précisez la quantité.' });
  if ((draft.unit === 'box' || draft.unit === 'pack') && draft.unitsPerPack === null) {
    issues.push({ field: 'unitsPerPack', reason: 'Précisez le nombre d’unités par conditionnement.' });
  }
  const derived = draft.quantity !== null && draft.unitPriceCents !== null ? Math.round(draft.quantity * draft.unitPriceCents) : null;
  const amount = draft.annualAmountCents ?? derived;
  if (amount === null) {
    issues.push({ field: 'annualAmountCents', reason: 'Indiquez le montant annuel, ou la quantité et le prix unitaire.' });
  } else if (amount > MAX_CENTS) {
    issues.push({ field: 'annualAmountCents', reason: 'Montant annuel trop élevé (10¹³ centimes au plus).' });
  }
  if (issues.length > 0 || amount === null) throw DomainError.validation('Le besoin est incohérent.', issues);
  return { ...draft, annualAmountCents: amount, amountIsDerived: draft.annualAmountCents === null };
}
