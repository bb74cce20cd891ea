export * from './census-template';
export * from './csv';
export * from './export-groupement-xlsx';
export * from './export-needs';
export * from './export-opportunities-xlsx';
export * from './parse-census-csv';
export * from './parse-census-xlsx';
export * from './convention';
