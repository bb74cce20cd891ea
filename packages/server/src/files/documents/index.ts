export * from './render-docx';
export * from './render-pdf';
