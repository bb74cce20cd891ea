export * from './assembly-pack-input';
export * from './compose-assembly-pack';
export * from './document-model';
export * from './legal-references';
export * from './member-standing';
// The pack's own quantity formatter (unit may be null) stays internal: sourcing exports the public `formatQuantityFr`.
export { annualQuantityOf } from './pack-facts';
export * from './share-cost-pro-rata';
