import type { OrganizationKind } from '../domain/types';

/**
 * INSEE, nomenclature des catégories juridiques, niveau III (état des codes du 28 novembre 2018,
 * en vigueur à ce jour dans le répertoire SIRENE, `categorieJuridiqueUniteLegale`): the codes of
 * public bodies and their French label. Other codes are named by their level I group.
 */
export const LEGAL_CATEGORY_SOURCE = 'INSEE, nomenclature des catégories juridiques, niveau III (mise à jour du 28 novembre 2018)';

const PUBLIC_CATEGORIES: Record<string, [string, OrganizationKind | null]> = {
  '4110': ['Établissement public national à caractère industriel ou commercial doté d’un comptable public', 'other_public'],
  '4120': ['Établissement public national à caractère industriel ou commercial non doté d’un comptable public', 'other_public'],
  '4130': ['Exploitant public', 'other_public'],
  '4140': ['Établissement public local à caractère industriel ou commercial', 'other_public'],
  '4150': ['Régie d’une collectivité locale à caractère industriel ou commercial', 'other_public'],
  '4160': ['Institution Banque de France', 'other_public'],
  '7111': ['Autorité constitutionnelle', 'state'],
  '7112': ['Autorité administrative ou publique indépendante', 'state'],
  '7113': ['Ministère', 'state'],
  '7120': ['Service central d’un ministère', 'state'],
  '7150': ['Service du ministère de la Défense', 'state'],
  '7160': ['Service déconcentré à compétence nationale d’un ministère (hors Défense)', 'state'],
  '7171': ['Service déconcentré de l’État à compétence (inter) régionale', 'state'],
  '7172': ['Service déconcentré de l’État à compétence (inter) départementale', 'state'],
  '7179': ['(Autre) Service déconcentré de l’État à compétence territoriale', 'state'],
  '7190': ['École nationale non dotée de la personnalité morale', 'state'],
  '7210': ['Commune et commune nouvelle', 'commune'],
  '7220': ['Département', 'departement'],
  // Collectivités à statut particulier (Corse, Martinique, Guyane, Paris, Alsace…): some hold the
  // powers of a région, some those of a département, some both; the name decides.
  '7225': ['Collectivité et territoire d’Outre-Mer', null],
  '7229': ['(Autre) Collectivité territoriale', null],
  '7230': ['Région', 'region'],
  '7312': ['Commune associée et commune déléguée', 'commune'],
  '7313': ['Section de commune', 'commune'],
  '7314': ['Ensemble urbain', 'other_public'],
  '7321': ['Association syndicale autorisée', 'other_public'],
  '7322': ['Association foncière urbaine', 'other_public'],
  '7323': ['Association foncière de remembrement', 'other_public'],
  '7331': ['Établissement public local d’enseignement', 'other_public'],
  '7340': ['Pôle métropolitain', 'epci'],
  '7341': ['Secteur de commune', 'epci'],
  '7342': ['District urbain', 'epci'],
  '7343': ['Communauté urbaine', 'epci'],
  '7344': ['Métropole', 'epci'],
  '7345': ['Syndicat intercommunal à vocation multiple (SIVOM)', 'epci'],
  '7346': ['Communauté de communes', 'epci'],
  '7347': ['Communauté de villes', 'epci'],
  '7348': ['Communauté d’agglomération', 'epci'],
  '7349': ['Autre établissement public local de coopération non spécialisé ou entente', 'epci'],
  '7351': ['Institution interdépartementale ou entente', 'other_public'],
  '7352': ['Institution interrégionale ou entente', 'other_public'],
  '7353': ['Syndicat intercommunal à vocation unique (SIVU)', 'epci'],
  '7354': ['Syndicat mixte fermé', 'epci'],
  '7355': ['Syndicat mixte ouvert', 'epci'],
  '7356': ['Commission syndicale pour la gestion des biens indivis des communes', 'epci'],
  '7357': ['Pôle d’équilibre territorial et rural (PETR)', 'epci'],
  '7361': ['Centre communal d’action sociale', 'other_public'],
  '7362': ['Caisse des écoles', 'other_public'],
  '7363': ['Caisse de crédit municipal', 'other_public'],
  '7364': ['Établissement d’hospitalisation', 'hospital'],
  '7365': ['Syndicat inter hospitalier', 'hospital'],
  '7366': ['Établissement public local social et médico-social', 'other_public'],
  '7367': ['Centre intercommunal d’action sociale (CIAS)', 'other_public'],
  '7371': ['Office public d’habitation à loyer modéré (OPHLM)', 'other_public'],
  '7372': ['Service départemental d’incendie et de secours (SDIS)', 'other_public'],
  '7373': ['Établissement public local culturel', 'other_public'],
  '7378': ['Régie d’une collectivité locale à caractère administratif', 'other_public'],
  '7379': ['(Autre) Établissement public administratif local', 'other_public'],
  '7381': ['Organisme consulaire', 'other_public'],
  // The State's établissements publics autres qu'industriels et commerciaux share the State's
  // formalised-procedure thresholds: they are `state` for the procedure rules.
  '7382': ['Établissement public national ayant fonction d’administration centrale', 'state'],
  '7383': ['Établissement public national à caractère scientifique culturel et professionnel', 'state'],
  '7384': ['Autre établissement public national d’enseignement', 'state'],
  '7385': ['Autre établissement public national administratif à compétence territoriale limitée', 'state'],
  '7389': ['Établissement public national à caractère administratif', 'state'],
  '7410': ['Groupement d’intérêt public (GIP)', 'other_public'],
  '7430': ['Établissement public des cultes d’Alsace-Lorraine', 'other_public'],
  '7450': ['Établissement public administratif, cercle et foyer dans les armées', 'state'],
  '7470': ['Groupement de coopération sanitaire à gestion publique', 'hospital'],
  '7490': ['Autre personne morale de droit administratif', 'other_public'],
};

const GROUPS: Record<string, string> = {
  '1': 'Entrepreneur individuel',
  '2': 'Groupement de droit privé non doté de la personnalité morale',
  '3': 'Personne morale de droit étranger',
  '4': 'Personne morale de droit public soumise au droit commercial',
  '5': 'Société commerciale',
  '6': 'Autre personne morale immatriculée au RCS',
  '7': 'Personne morale et organisme soumis au droit administratif',
  '8': 'Organisme privé spécialisé',
  '9': 'Groupement de droit privé',
};

/** The French label of a catégorie juridique (level III when it is a public body's, else its group's). */
export function describeLegalCategory(code: string): string {
  const known = PUBLIC_CATEGORIES[code];
  if (known) return known[0];
  return GROUPS[code.charAt(0)] ?? 'Catégorie juridique inconnue';
}

export interface LegalCategoryKindOptions {
  /** The organisation buys under the Code de la commande publique (it is a DECP buyer). */
  isBuyer: boolean;
  /** SIRENE `categorieEntreprise`: PME, ETI, GE (null when not given). */
  enterpriseCategory: string | null;
}

/**
 * The organisation kind a catégorie juridique gives, or null when it does not decide it
 * (collectivités à statut particulier; an unknown code). A company, an association or a social
 * security body that buys as a DECP buyer is a pouvoir adjudicateur (SEM, SPL, SA d'HLM, CPAM…):
 * `other_public`; as a firm, `large_company` for an ETI or GE, `association` for groups 92–93,
 * else `sme`.
 */
export function kindOfLegalCategory(code: string, { isBuyer, enterpriseCategory }: LegalCategoryKindOptions): OrganizationKind | null {
  const known = PUBLIC_CATEGORIES[code];
  if (known) return known[1];
  if (!/^\d{4}$/.test(code)) return null;
  if (code.startsWith('7') || code.startsWith('4')) return 'other_public';
  if (isBuyer) return 'other_public';
  if (code.startsWith('92') || code.startsWith('93')) return 'association';
  return enterpriseCategory === 'GE' || enterpriseCategory === 'ETI' ? 'large_company' : 'sme';
}
