export * from './build-convention-docx';
export * from './build-convention-pdf';
export * from './convention-content';
export * from './convention-document';
export * from './convention-input';
export * from './cost-sharing';
