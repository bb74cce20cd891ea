// French text rules of core, for the web (which imports contract only): one implementation for screens and documents.
export {
  countFr,
  formatNumberFr,
  formatQuantityInUnitFr,
  nameWithArticleFr,
  ofNameFr,
  pluralFr,
  toDisplayQuantity,
  toNameFr,
  unitNameFr,
} from '@mutualis/core';
