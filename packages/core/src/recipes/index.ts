export * from './default-recipes';
export * from './recipe';
