export * from './count-fr';
export * from './format-number-fr';
export * from './name-with-article-fr';
