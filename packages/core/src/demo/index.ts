export * from './build-demo-territories';
export * from './demo-dataset';
