import type { Recipe } from './recipe';

/*
 * WHO Formulation 1 for 10 L (OMS 2010): ethanol 96 % 8 333 mL, hydrogen peroxide 3 % 417 mL,
 * glycerol 98 % 145 mL, water (distilled or boiled and cooled) to 10 L. Per litre we divide by 10.
 * Water is the nominal remainder 1 000 − 833.3 − 41.7 − 14.5 = 110.5 mL; ethanol and water
 * contract on mixing, so the filler tops up to the 1 L mark rather than measuring it.
 */
const WHO_HAND_RUB_WATER_ML = 110.5;

/** Recipes shipped with Mutualis, used to find firms that could produce a pooled need locally. */
export const DEFAULT_RECIPES: Recipe[] = [
  {
    id: 'recipe-hand-rub-who-1',
    productCpvCode: '33741300',
    label: 'Solution hydro-alcoolique pour friction des mains (formulation OMS n° 1, éthanol 80 % v/v), en flacons de 500 mL',
    unit: 'L',
    inputs: [
      { cpvCode: '24322510', label: 'Éthanol 96 % v/v', quantityPerUnit: 833.3, unit: 'mL' },
      { cpvCode: '24315300', label: "Peroxyde d'hydrogène 3 %", quantityPerUnit: 41.7, unit: 'mL' },
      { cpvCode: '24964000', label: 'Glycérol 98 %', quantityPerUnit: 14.5, unit: 'mL' },
      {
        cpvCode: null,
        label: 'Eau distillée ou bouillie refroidie (complément à 1 L)',
        quantityPerUnit: WHO_HAND_RUB_WATER_ML,
        unit: 'mL',
      },
      { cpvCode: '39225730', label: 'Flacon 500 mL', quantityPerUnit: 2, unit: 'unit' },
      { cpvCode: '44618300', label: 'Bouchon ou pompe doseuse', quantityPerUnit: 2, unit: 'unit' },
      { cpvCode: '30199760', label: 'Étiquette (composition, lot, usage)', quantityPerUnit: 2, unit: 'unit' },
    ],
    competences: [
      { code: 'formulation-liquides', weight: 2 },
      { code: 'melange-cuves', weight: 2 },
      { code: 'conditionnement-flacons', weight: 3 },
      { code: 'stockage-inflammables', weight: 2 },
      { code: 'laboratoire-controle-qualite', weight: 1 },
      { code: 'reglementation-biocides', weight: 1 },
      { code: 'etiquetage', weight: 1 },
    ],
    provenance:
      'OMS, Guide de production locale des formulations recommandées pour la friction hydro-alcoolique des mains, 2010 (formulation 1 : pour 10 L, éthanol 96 % 8 333 mL, peroxyde d’hydrogène 3 % 417 mL, glycérol 98 % 145 mL, eau jusqu’à 10 L ; contrôle du titre à l’alcoomètre, quarantaine de 72 h) ; conditionnement en flacons de 500 mL : hypothèse Mutualis.',
  },
  {
    id: 'recipe-health-booklet',
    productCpvCode: '22458000',
    label: 'Carnet de santé ou de maternité imprimé (A5, environ 100 pages, couverture carte, piqûre à cheval)',
    unit: 'unit',
    inputs: [
      // 100 A5 pages = 25 A4-equivalent sheets printed on both sides.
      { cpvCode: '30197630', label: "Papier d'impression (équivalent A4)", quantityPerUnit: 25, unit: 'sheet' },
      { cpvCode: '30197645', label: 'Carte pour couverture (équivalent A4)', quantityPerUnit: 1, unit: 'sheet' },
      { cpvCode: '22610000', label: "Encre d'imprimerie quadrichromie", quantityPerUnit: 6, unit: 'g' },
      { cpvCode: '30197100', label: 'Agrafes de piqûre à cheval', quantityPerUnit: 2, unit: 'unit' },
    ],
    competences: [
      { code: 'pre-presse', weight: 1 },
      { code: 'impression-offset', weight: 3 },
      { code: 'faconnage', weight: 2 },
      { code: 'reliure', weight: 2 },
      { code: 'impression-donnees-variables', weight: 1 },
    ],
    provenance:
      'Ordre de grandeur Mutualis pour un carnet A5 d’environ 100 pages ; pagination, grammage et encrage à ajuster au cahier des charges.',
  },
  {
    id: 'recipe-de-icing-salt',
    productCpvCode: '34927100',
    label: 'Sel de déneigement livré en vrac au centre d’exploitation',
    unit: 't',
    inputs: [
      { cpvCode: '14410000', label: 'Sel gemme ou sel de mer (chlorure de sodium)', quantityPerUnit: 1, unit: 't' },
      { cpvCode: '24957000', label: 'Antimottant (ferrocyanure de sodium)', quantityPerUnit: 0.1, unit: 'kg' },
      { cpvCode: '60100000', label: 'Transport routier jusqu’au centre d’exploitation', quantityPerUnit: 1, unit: 't' },
    ],
    // A bulk de-icing salt contract is supply + storage + delivery: the salt (screened to
    // NF EN 16811-1 by the saline or mine) is an input bought in; whoever answers stores it under
    // cover and trucks it to the depots. Crushing and bagging are the producer's or for bagged salt.
    competences: [
      { code: 'stockage-vrac', weight: 3 },
      { code: 'transport-poids-lourds', weight: 3 },
      { code: 'logistique-entrepot', weight: 1 },
    ],
    provenance:
      'Composition du sel de déneigement selon NF EN 16811-1 (chlorure de sodium avec antimottant, criblé par la saline ou la mine) ; ' +
      'un marché de sel livré en vrac = fourniture (intrant acheté) + stockage couvert + livraison aux centres ; dose d’antimottant et logistique en ordre de grandeur Mutualis.',
  },
  {
    id: 'recipe-work-gloves',
    productCpvCode: '18141000',
    label: 'Gants de travail tricotés enduits nitrile (EN 388), la paire',
    unit: 'pair',
    inputs: [
      { cpvCode: '19400000', label: 'Fil textile polyester ou coton', quantityPerUnit: 35, unit: 'g' },
      { cpvCode: '19700000', label: 'Caoutchouc nitrile pour enduction', quantityPerUnit: 25, unit: 'g' },
      { cpvCode: '18937100', label: 'Sachet d’emballage', quantityPerUnit: 1, unit: 'unit' },
    ],
    competences: [
      { code: 'tricotage', weight: 3 },
      { code: 'enduction-textile', weight: 3 },
      { code: 'confection-textile', weight: 1 },
      { code: 'certification-epi', weight: 2 },
    ],
    provenance: 'Ordre de grandeur Mutualis pour un gant tricoté jauge 13 enduit nitrile (EN 388, règlement UE 2016/425).',
  },
];
