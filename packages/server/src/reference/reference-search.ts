// Commune and NAF searches live in core (pure, over the shipped reference tables).
export { searchCommunes, searchNaf } from '@mutualis/core';
