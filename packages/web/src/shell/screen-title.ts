import type { AppRoute } from '../router/routes';
import { isPublicSetupRoute } from '../setup/setup-routes';

const TITLES: Record<Exclude<AppRoute['name'], 'observatory'>, string> = {
  home: 'Accueil',
  login: 'Connexion',
  territory: 'Vue du territoire',
  opportunities: 'Opportunités de mutualisation',
  opportunity: 'Opportunité',
  coordinators: 'Coordonnateurs',
  families: 'Familles d’achat',
  needs: 'Besoins',
  imports: 'Imports',
  decpFlags: 'DECP à vérifier',
  groupements: 'Groupements',
  groupement: 'Groupement',
  dashboard: 'Tableau de bord',
  firms: 'Entreprises locales',
  map: 'Carte des entreprises',
  recipes: 'Recettes',
  sourcing: 'Filière locale',
  lots: 'Allotissement',
  forecast: 'Prévisions d’achat',
  'public-forecast': 'Prévisions d’achat publiques',
  'first-admin': 'Installation',
  'set-password': 'Choisir un mot de passe',
  'forgot-password': 'Mot de passe oublié',
  admin: 'Administration',
  organizations: 'Organisations',
  accounts: 'Comptes du territoire',
  'census-campaign': 'Recensement',
  'account-requests': 'Demandes d’accès',
  contracts: 'Contrats en cours',
  'organization-accounts': 'Comptes de l’organisation',
  'firm-profile': 'Profil de l’entreprise',
  'not-found': 'Page introuvable',
};

/** The tab title of a kind of screen, before its subject is loaded (RGAA 8.6). */
export function screenTitle(route: AppRoute, { isSignedIn }: { isSignedIn: boolean }): string {
  if (!isSignedIn && route.name !== 'public-forecast' && !isPublicSetupRoute(route)) return TITLES.login;
  if (route.name === 'observatory')
    return route.departement ? `Observatoire : département ${route.departement}` : 'Observatoire des achats publics';
  return TITLES[route.name];
}
