export type { DecpRawRecord } from './decp-raw-record';
export {
  type ImportDecpOptions,
  type ImportDecpProgress,
  type ImportDecpRejection,
  type ImportDecpResult,
  importDecp,
} from './import-decp';
export { JsonRecordScanner } from './json-record-scanner';
export { type DecpSyntax, type ReadDecpFileOptions, readDecpFile, sniffSyntax } from './read-decp-file';
export { XmlRecordScanner } from './xml-record-scanner';
