import type { MandateScope, NeedConfidence, OrganizationKind } from '@mutualis/core';
/** Short French names of the mandate models (DAJ 2019 fiche "La mutualisation des achats"). */
export declare const MANDATE_SCOPE_LABELS: Record<MandateScope, string>;
export declare const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, string>;
export declare const CONFIDENCE_LABELS: Record<NeedConfidence, string>;
/** Cents as a plain French decimal for CSV cells: 123456 → "1234,56" (no thousands separator, re-importable). */
export declare function centsToCsv(cents: number | null): string;
/** A number as a French decimal: 2.5 → "2,5". */
export declare function numberToCsv(value: number | null): string;
