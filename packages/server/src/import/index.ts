export type { DecpRawRecord } from './decp-raw-record';
export { CsvRecordScanner } from './csv-record-scanner';
export { previewDecpImport, runDecpImport, type DecpImportOptions } from './decp-import';
export { type BuyerInFiles, type DecpImportFile, DecpImportPass } from './decp-import-pass';
export { type DecpJobAction, type ImportActor, ImportJobs, type ImportJobsOptions } from './import-jobs';
export { type ImportOptions, type ImportResults, readImportOptions, readImportResults, toImportDto } from './import-record';
export { JsonRecordScanner } from './json-record-scanner';
export { type DecpSyntax, type ReadDecpFileOptions, readDecpFile, sniffSyntax } from './read-decp-file';
export { XmlRecordScanner } from './xml-record-scanner';
