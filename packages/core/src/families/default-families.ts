import type { PurchaseFamily } from '../domain/types';

/*
 * Provenance texts cite docs/domain-procurement.md §8.1–8.2. Elasticities are the volume
 * elasticity b of p(V) = p_ref × (V/V_ref)^(−b); 1 − 2^(−b) is the saving per doubling of volume.
 * Every value is an editable default, never a promise of savings.
 */
const UPPER_BOUND =
  'Borne haute : élasticité de −0,329 mesurée sur des commandes fragmentées de produits de santé (travail de recherche non publié), à ne pas dépasser';
const BANDIERA = 'Bandiera, Prat et Valletti (2009), AER 99(4) : biens standardisés, écarts de prix entre acheteurs publics';
const PRACTITIONERS = 'chiffres praticiens auto-déclarés sans contrefactuel : Approlys 16 % (2015), Grand-Albigeois 15–20 % (2010)';

/** Purchase families shipped with Mutualis (territoryId null), with default price-volume elasticities. */
export const DEFAULT_FAMILIES: PurchaseFamily[] = [
  {
    id: 'fam-salt',
    territoryId: null,
    name: 'Sel de déneigement',
    cpvCodes: ['34927100', '14410000', '14400000', '14430000', '14450000', '24951310', '44113910'],
    keywords: ['sel', 'déneigement', 'déverglaçage', 'viabilité hivernale', 'saumure', 'fondant routier'],
    elasticity: {
      low: 0,
      central: 0.03,
      high: 0.06,
      provenance: `Hypothèse par défaut (domain-procurement §8.2) : le transport domine le coût et la mutualisation ne raccourcit pas les trajets ; gains surtout par la concurrence et la conception du marché (minimum/maximum, stockage, indexation). ${UPPER_BOUND}.`,
    },
  },
  {
    id: 'fam-health-booklets',
    territoryId: null,
    name: 'Carnets de santé et de maternité',
    // Booklet codes only: printed books (22100000) and printing services (79800000) would make every
    // printing need of a DECP import a « carnet de santé »; a printing need about booklets is found by keyword.
    cpvCodes: ['22458000', '22160000'],
    keywords: ['carnet de santé', 'carnets de santé', 'carnet de maternité', 'carnets de maternité', 'carnet de grossesse'],
    elasticity: {
      low: 0.1,
      central: 0.2,
      high: 0.3,
      provenance: `Hypothèse par défaut (domain-procurement §8.2) : forts coûts fixes de calage (prépresse, plaques, mise en train) ; la forme p = F/Q + c est préférable quand F et c sont connus. ${UPPER_BOUND}.`,
    },
  },
  {
    id: 'fam-ppe-gloves',
    territoryId: null,
    name: 'Équipements de protection individuelle et gants de travail',
    cpvCodes: ['18141000', '18424000', '18143000', '35113400', '18130000', '18830000', '18444100'],
    keywords: ['gants', 'epi', 'équipement de protection', 'vêtements de travail', 'chaussures de sécurité', 'haute visibilité'],
    elasticity: {
      low: 0.04,
      central: 0.08,
      high: 0.12,
      provenance: `Hypothèse par défaut (domain-procurement §8.2) : produits manufacturés souvent importés, nombreuses références et tailles ; remises de volume modérées, l'harmonisation des références compte davantage. ${UPPER_BOUND}.`,
    },
  },
  {
    id: 'fam-office-supplies',
    territoryId: null,
    name: 'Fournitures de bureau',
    // 30190000 would also cover paper (30197600): paper is its own family, so only the office-supply branches are listed.
    cpvCodes: ['30192000', '30199000', '30197100', '22800000'],
    keywords: ['fournitures de bureau', 'papeterie', 'stylos', 'classeurs', 'enveloppes', 'agrafes'],
    elasticity: {
      low: 0.05,
      central: 0.1,
      high: 0.15,
      provenance: `Hypothèse par défaut (domain-procurement §8.2) : remises catalogue croissantes avec le panier, marge du distributeur et coût par point de livraison ; ${PRACTITIONERS}. ${UPPER_BOUND}.`,
    },
  },
  {
    id: 'fam-paper',
    territoryId: null,
    name: 'Papier de reprographie',
    cpvCodes: ['30197600', '30197630', '30197642', '30197643', '30197644'],
    keywords: [
      'ramette',
      'ramettes',
      'papier a4',
      'papier a3',
      'papier reprographie',
      'papier de reprographie',
      "papier d'impression",
      'papier copieur',
    ],
    elasticity: {
      low: 0.03,
      central: 0.06,
      high: 0.1,
      provenance: `${BANDIERA} — le papier fait partie des biens étudiés ; gains plus forts par la comparaison des prix et l'harmonisation (recyclé 80 g) que par le volume. ${UPPER_BOUND}.`,
    },
  },
  {
    id: 'fam-hand-sanitizer',
    territoryId: null,
    name: 'Gel et solution hydro-alcoolique',
    cpvCodes: ['33741300', '33631600', '24455000'],
    keywords: [
      'gel hydro-alcoolique',
      'gel hydroalcoolique',
      'solution hydro-alcoolique',
      'friction hydro-alcoolique',
      'désinfectant pour les mains',
    ],
    elasticity: {
      low: 0.05,
      central: 0.1,
      high: 0.2,
      provenance: `Hypothèse par défaut (domain-procurement §8.2) : coût de l'éthanol plus formulation et remplissage ; économies d'échelle jusqu'à la capacité d'une production locale, au-delà le prix remonte. ${UPPER_BOUND}.`,
    },
  },
  {
    id: 'fam-cleaning',
    territoryId: null,
    name: "Produits d'entretien et d'hygiène",
    cpvCodes: ['39830000', '33711900', '33760000', '39224300'],
    keywords: ["produits d'entretien", 'détergent', 'savon', 'essuie-mains', 'papier hygiénique', 'lingettes'],
    elasticity: {
      low: 0.05,
      central: 0.08,
      high: 0.12,
      provenance: `Hypothèse par défaut, alignée sur les biens de catalogue (fournitures, EPI) de domain-procurement §8.2 ; ${PRACTITIONERS}. ${UPPER_BOUND}.`,
    },
  },
  {
    id: 'fam-fuels',
    territoryId: null,
    name: 'Carburants',
    cpvCodes: ['09134000', '09132000', '09135000', '30163100'],
    keywords: ['carburant', 'gazole', 'gasoil', 'essence', 'fioul', 'cartes carburant'],
    elasticity: {
      low: 0,
      central: 0.02,
      high: 0.05,
      provenance: `Hypothèse par défaut : prix indexé sur les cotations pétrolières, seule la marge du distributeur se négocie ; ${PRACTITIONERS}. ${UPPER_BOUND}.`,
    },
  },
  {
    id: 'fam-it-consumables',
    territoryId: null,
    name: 'Consommables informatiques et d’impression',
    cpvCodes: ['30125000', '30237000'],
    keywords: ['toner', 'cartouches', "cartouches d'encre", 'consommables informatiques', 'tambour'],
    elasticity: {
      low: 0.05,
      central: 0.1,
      high: 0.15,
      provenance: `Hypothèse par défaut, alignée sur les fournitures de bureau (domain-procurement §8.2) ; ${BANDIERA} (imprimantes et consommables parmi les biens étudiés). ${UPPER_BOUND}.`,
    },
  },
  {
    id: 'fam-school-food',
    territoryId: null,
    name: 'Denrées alimentaires pour la restauration collective',
    cpvCodes: ['15000000', '03200000', '03142500'],
    keywords: ['denrées alimentaires', 'restauration scolaire', 'cantine', 'fruits et légumes', 'produits laitiers', 'viande'],
    elasticity: {
      low: 0.03,
      central: 0.06,
      high: 0.1,
      provenance: `Hypothèse par défaut ; chiffre praticien : environ 7 % d'économies attendues d'un groupement hospitalier de denrées (Lagny, 2007), sans contrefactuel ; l'allotissement par filière locale limite les volumes par lot. ${UPPER_BOUND}.`,
    },
  },
  {
    id: 'fam-electricity',
    territoryId: null,
    name: 'Électricité',
    cpvCodes: ['09310000'],
    keywords: ['électricité', 'fourniture d’électricité', "fourniture d'électricité"],
    elasticity: {
      low: 0.02,
      central: 0.04,
      high: 0.08,
      provenance: `Hypothèse par défaut : la part énergie suit les marchés de gros, la mutualisation joue sur la marge et le profil de consommation ; chiffre praticien : Centr'Achats 30 % sur le gaz des lycées (auto-déclaré). ${UPPER_BOUND}.`,
    },
  },
];
