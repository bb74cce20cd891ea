export * from './assembly-pack-input';
export * from './compose-assembly-pack';
export * from './document-model';
export * from './legal-references';
export * from './member-standing';
export { annualQuantityOf } from './pack-facts';
export * from './share-cost-pro-rata';
