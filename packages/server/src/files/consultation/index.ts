export * from './build-consultation-docx';
