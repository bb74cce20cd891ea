import { resolveSavingsCalibration } from '../savings/savings-calibrations';
import type { PurchaseFamily } from '../domain/types';

/** The shipped family's elasticity: its savings calibration's (one source of truth, savings-calibrations.ts). */
function elasticityOf(familyId: string): PurchaseFamily['elasticity'] {
  return resolveSavingsCalibration({ familyId, cpvCodes: [], label: '' }).elasticity;
}

/** Purchase families shipped with Mutualis (territoryId null), with default price-volume elasticities. */
export const DEFAULT_FAMILIES: PurchaseFamily[] = [
  {
    id: 'fam-salt',
    territoryId: null,
    name: 'Sel de déneigement',
    cpvCodes: ['34927100', '14410000', '14400000', '14430000', '14450000', '24951310', '44113910'],
    keywords: ['sel', 'déneigement', 'déverglaçage', 'viabilité hivernale', 'saumure', 'fondant routier'],
    elasticity: elasticityOf('fam-salt'),
  },
  {
    id: 'fam-health-booklets',
    territoryId: null,
    name: 'Carnets de santé et de maternité',
    // Booklet codes only: printed books (22100000) and printing services (79800000) would make every
    // printing need of a DECP import a « carnet de santé »; a printing need about booklets is found by keyword.
    cpvCodes: ['22458000', '22160000'],
    keywords: ['carnet de santé', 'carnets de santé', 'carnet de maternité', 'carnets de maternité', 'carnet de grossesse'],
    elasticity: elasticityOf('fam-health-booklets'),
  },
  {
    id: 'fam-ppe-gloves',
    territoryId: null,
    name: 'Équipements de protection individuelle et gants de travail',
    cpvCodes: ['18141000', '18424000', '18143000', '35113400', '18130000', '18830000', '18444100'],
    keywords: ['gants', 'epi', 'équipement de protection', 'vêtements de travail', 'chaussures de sécurité', 'haute visibilité'],
    elasticity: elasticityOf('fam-ppe-gloves'),
  },
  {
    id: 'fam-office-supplies',
    territoryId: null,
    name: 'Fournitures de bureau',
    // 30190000 would also cover paper (30197600): paper is its own family, so only the office-supply branches are listed.
    cpvCodes: ['30192000', '30199000', '30197100', '22800000'],
    keywords: ['fournitures de bureau', 'papeterie', 'stylos', 'classeurs', 'enveloppes', 'agrafes'],
    elasticity: elasticityOf('fam-office-supplies'),
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
    elasticity: elasticityOf('fam-paper'),
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
    elasticity: elasticityOf('fam-hand-sanitizer'),
  },
  {
    id: 'fam-cleaning',
    territoryId: null,
    name: "Produits d'entretien et d'hygiène",
    cpvCodes: ['39800000', '39830000', '33711900', '33760000', '39224300'],
    keywords: ["produits d'entretien", 'détergent', 'savon', 'essuie-mains', 'papier hygiénique', 'lingettes'],
    elasticity: elasticityOf('fam-cleaning'),
  },
  {
    id: 'fam-fuels',
    territoryId: null,
    name: 'Carburants',
    cpvCodes: ['09134000', '09132000', '09135000', '30163100'],
    keywords: ['carburant', 'gazole', 'gasoil', 'essence', 'fioul', 'cartes carburant'],
    elasticity: elasticityOf('fam-fuels'),
  },
  {
    id: 'fam-it-consumables',
    territoryId: null,
    name: 'Consommables informatiques et d’impression',
    cpvCodes: ['30125000', '30237000'],
    keywords: ['toner', 'cartouches', "cartouches d'encre", 'consommables informatiques', 'tambour'],
    elasticity: elasticityOf('fam-it-consumables'),
  },
  {
    id: 'fam-school-food',
    territoryId: null,
    name: 'Denrées alimentaires pour la restauration collective',
    cpvCodes: ['15000000', '03200000', '03142500'],
    keywords: ['denrées alimentaires', 'restauration scolaire', 'cantine', 'fruits et légumes', 'produits laitiers', 'viande'],
    elasticity: elasticityOf('fam-school-food'),
  },
  {
    id: 'fam-electricity',
    territoryId: null,
    name: 'Électricité',
    cpvCodes: ['09310000'],
    keywords: ['électricité', 'fourniture d’électricité', "fourniture d'électricité"],
    elasticity: elasticityOf('fam-electricity'),
  },
];
