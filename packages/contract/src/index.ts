import { z } from 'zod';

// Every rejection of the API and of the web forms is in French (zod's own messages included).
z.config(z.locales.fr());

export * from './analysis';
export * from './analysis-detail';
export * from './analysis-families';
export * from './auth';
export * from './common';
export * from './competences';
export * from './contracts';
export * from './fields';
export * from './files';
export * from './groupements';
export * from './health';
export * from './imports';
export * from './local-forecast';
export * from './award-terms';
export * from './local-lots';
export * from './local-recipes';
export * from './local-sourcing';
export * from './lifecycle';
export * from './lifecycle-dashboard';
export * from './needs';
export * from './organizations';
export * from './overview';
export * from './reference';
export * from './suppliers';
export * from './territories';
export * from './observatory';
export * from './withheld';
export * from './decp-flags';
export * from './accounts';
export * from './account-requests';
export * from './census-campaigns';
export * from './home';
export * from './buyer-names';
