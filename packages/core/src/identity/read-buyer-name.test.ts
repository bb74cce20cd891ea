import { describe, expect, it } from 'vitest';
import { type BuyerNameReading, hasLegalForm, readBuyerName } from './read-buyer-name';

/**
 * Real `acheteur.nom` values of the DECP dev split (`../shared/data/decp-2019-colinmaudry-decp-json`,
 * `jq -r '.marches[].acheteur.nom' *.json | sort -u`), each read by hand: which words name the
 * legal unit, which a budget or a service of it.
 */
const CASES: [string, BuyerNameReading][] = [
  ['Département du Var', legal('Département du Var')],
  ['SDIS 31 Haute Garonne', legal('SDIS 31 Haute Garonne')],
  ["Service départemental d'incendie et de secours des Yvelines", legal("Service départemental d'incendie et de secours des Yvelines")],
  [
    "Pôle d'Equilibre Territorial et Rural du Pays de Lourdes et des Vallées des Gaves",
    legal("Pôle d'Equilibre Territorial et Rural du Pays de Lourdes et des Vallées des Gaves"),
  ],
  ['ACTION LOGEMENT SERVICES', legal('ACTION LOGEMENT SERVICES')],
  ['DIJON METROPOLE', legal('DIJON METROPOLE')],
  ["Groupement d'Intérêt Public INOVALYS", legal("Groupement d'Intérêt Public INOVALYS")],
  ['BUDGET PRINCIPAL', unit('BUDGET PRINCIPAL', 'budget_principal')],
  ['Budget principal', unit('Budget principal', 'budget_principal')],
  ['01 BUDGET PRINCIPAL', unit('BUDGET PRINCIPAL', 'budget_principal')],
  ['2019-BUDGET PRINCIPAL', unit('BUDGET PRINCIPAL', 'budget_principal')],
  ['EXERCICE BUDGETAIRE', unit('EXERCICE BUDGETAIRE', 'budget_principal')],
  ['EXERCICE BUDGETAIRE EAU', unit('EXERCICE BUDGETAIRE EAU', 'budget_annexe')],
  // « CCAS » alone names no particular centre communal d'action sociale.
  ['CCAS BUDGET PRINCIPAL', unit('BUDGET PRINCIPAL', 'budget_principal')],
  ['DPT17 BUDGET PRINCIPAL', withUnit('DPT17', 'BUDGET PRINCIPAL', 'budget_principal')],
  ['COMMUNE SCIONZIER BUDGET VILLE', withUnit('COMMUNE SCIONZIER', 'BUDGET VILLE', 'budget_principal')],
  ['COMMUNE VILLEPINTE BUDGET PRIN', withUnit('COMMUNE VILLEPINTE', 'BUDGET PRIN', 'budget_principal')],
  ['14BUDGET PRINCIPAL SIX FOURS', withUnit('SIX FOURS', 'BUDGET PRINCIPAL', 'budget_principal')],
  ['EPAGNY METZ TESSY - BUDGET PRINCIPAL', withUnit('EPAGNY METZ TESSY', 'BUDGET PRINCIPAL', 'budget_principal')],
  ['BUDG.PRINC. VILLE DE SAINT PAUL', withUnit('VILLE DE SAINT PAUL', 'BUDG.PRINC', 'budget_principal')],
  ['CCPI BUDGET ANNEXE DECHETS', withUnit('CCPI', 'BUDGET ANNEXE DECHETS', 'budget_annexe')],
  ['VILLE D AIX EN PROVENCE - BP', withUnit('VILLE D AIX EN PROVENCE', 'BP', 'budget_principal')],
  ['HAGUENAU BP', withUnit('HAGUENAU', 'BP', 'budget_principal')],
  ['VILLE DE DUNKERQUE - PRINCIPAL', withUnit('VILLE DE DUNKERQUE', 'PRINCIPAL', 'budget_principal')],
  ['HAGUENAU ASSAINISSEMENT', withUnit('HAGUENAU', 'ASSAINISSEMENT', 'budget_annexe')],
  ['Direction de la Maintenance', unit('Direction de la Maintenance', 'service')],
  ['Service technique', unit('Service technique', 'service')],
  ['SERVICE MARCHES', unit('SERVICE MARCHES', 'purchasing')],
  ['Achats internes', unit('Achats internes', 'purchasing')],
  ['DSI', unit('DSI', 'service')],
  ['D\uFFFDl\uFFFDgation R\uFFFDgionale de Paris XI', unit('D\uFFFDl\uFFFDgation R\uFFFDgionale de Paris XI', 'service')],
  ["DEE - Direction de l'environnement et de la montagne", unit("DEE - Direction de l'environnement et de la montagne", 'service')],
  ['Département de la Seine-Maritime - DCE1', withUnit('Département de la Seine-Maritime', 'DCE1', 'service')],
  ["Département de l'Indre Direction des Routes", withUnit("Département de l'Indre", 'Direction des Routes', 'service')],
  [
    'Centre hospitalier de Boulogne sur mer Service Economique',
    withUnit('Centre hospitalier de Boulogne sur mer', 'Service Economique', 'service'),
  ],
  ['Mairie de Niort (Service marchés publics)', withUnit('Mairie de Niort', 'Service marchés publics', 'purchasing')],
  ["Mairie d'Olivet - Service Commande Publique", withUnit("Mairie d'Olivet", 'Service Commande Publique', 'purchasing')],
  ['SERL marchés', withUnit('SERL', 'marchés', 'purchasing')],
  ['INFOCOM94-Marchés Publics', withUnit('INFOCOM94', 'Marchés Publics', 'purchasing')],
  ['TM / Direction Jardins et Espaces Verts', withUnit('TM', 'Direction Jardins et Espaces Verts', 'service')],
  ['TM / DMT Déchets et moyens techniques', withUnit('TM', 'DMT Déchets et moyens techniques', 'service')],
  ['VT / Sécurité et domaine public', withUnit('VT', 'Sécurité et domaine public', 'service')],
  [
    'Services du Premier ministre - 63 - Direction départementale des territoires ',
    withUnit('Services du Premier ministre', 'Direction départementale des territoires', 'service'),
  ],
  [
    'Ministère des armées - Plate forme achats finances Centre Ouest ',
    withUnit('Ministère des armées', 'Plate forme achats finances Centre Ouest', 'purchasing'),
  ],
  [
    'SAO agissant au nom et pour le compte de la commune de Margny les Compiègne',
    withUnit('SAO', 'agissant au nom et pour le compte de la commune de Margny les Compiègne', 'mandate'),
  ],
  ['VILLE', generic()],
  ['VILLE 02700', generic()],
  [
    'Groupement de commande Commune de Saint-Raphaël / C.C.A.S. de Saint-Raphaël',
    groupement('Groupement de commande Commune de Saint-Raphaël / C.C.A.S. de Saint-Raphaël'),
  ],
  ['  ', { shape: 'empty', legalPart: null, unitPart: null, unitKind: null }],
];

describe('readBuyerName on real DECP buyer names', () => {
  it.each(CASES)('reads « %s »', (published, expected) => {
    expect(readBuyerName(published)).toEqual(expected);
  });

  it('keeps a département named by its number for what it is, a legal unit', () => {
    expect(readBuyerName('DEPARTEMENT 47').shape).toBe('legal');
  });
});

describe('hasLegalForm', () => {
  it('tells a legal unit’s name from a service’s', () => {
    expect(
      ['Département de la Charente', 'SDIS DU NORD', 'Communauté de communes des Sablons', 'D\uFFFDpartement de la Haute-Sa\uFFFDne'].map(
        hasLegalForm,
      ),
    ).toEqual([true, true, true, true]);
    expect(['ECO GOLF DEPARTEMENTAL DE L AR', 'SDIS', 'Cellule Marchés'].map(hasLegalForm)).toEqual([false, true, false]);
  });
});

function legal(text: string): BuyerNameReading {
  return { shape: 'legal', legalPart: text, unitPart: null, unitKind: null };
}
function withUnit(legalPart: string, unitPart: string, unitKind: BuyerNameReading['unitKind']): BuyerNameReading {
  return { shape: 'legal_with_unit', legalPart, unitPart, unitKind };
}
function unit(unitPart: string, unitKind: BuyerNameReading['unitKind']): BuyerNameReading {
  return { shape: 'unit', legalPart: null, unitPart, unitKind };
}
function generic(): BuyerNameReading {
  return { shape: 'generic', legalPart: null, unitPart: null, unitKind: null };
}
function groupement(text: string): BuyerNameReading {
  return { shape: 'groupement', legalPart: null, unitPart: text, unitKind: null };
}
