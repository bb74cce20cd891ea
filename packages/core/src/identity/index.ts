export * from './explain-buyer-identity';
export * from './find-reference-legal-unit';
export * from './legal-categories';
export * from './name-vocabulary';
export * from './read-buyer-name';
export * from './repair-broken-name';
export * from './resolve-buyer-identity';
export * from './siret';
