// Shapes of the families API, from @mutualis/contract (types only).
import type { PurchaseFamilyCreate, PurchaseFamilyDto } from '@mutualis/contract';

export type PurchaseFamily = PurchaseFamilyDto;
export type PurchaseFamilyBody = PurchaseFamilyCreate;
