export * from './units';
export * from './french-units';
export * from './format-quantity-in-unit-fr';
