import type { IsoDate } from '../domain/types';
import { DEMO_PASSWORD, type DemoTerritoryData } from './demo-dataset';
import { buildDemoLines, type DemoItem, type DemoLine } from './demo-lines';
import { demoFirm, demoOrganization } from './demo-records';
import { isNationalHolderKey, NATIONAL_HOLDERS, type NationalHolderKey } from './national-holders';

/*
 * Charente demo: the city and the hospital of Angoulême buy hydro-alcoholic gel, and the
 * territory holds what a local production needs (a polish maker that formulates and fills
 * liquids, a distillery of rectified alcohol near Cognac, a bottle blower, a printer of labels,
 * a laboratory). Every member is in Charente, so pooling stays within the département.
 * All SIRETs are fictional (SIREN prefixes 9916xxxx for buyers, 9816xxxx for firms).
 */

const BUYERS = {
  angouleme: demoOrganization({
    id: 'demo-org-16-angouleme',
    name: 'Ville d’Angoulême',
    kind: 'commune',
    inseeCode: '16015',
    sirenPrefix: '99160001',
  }),
  chAngouleme: demoOrganization({
    id: 'demo-org-16-ch-angouleme',
    name: 'Centre hospitalier d’Angoulême',
    kind: 'hospital',
    inseeCode: '16341',
    sirenPrefix: '99160002',
  }),
  grandAngouleme: demoOrganization({
    id: 'demo-org-16-grand-angouleme',
    name: 'GrandAngoulême',
    kind: 'epci',
    inseeCode: '16015',
    sirenPrefix: '99160003',
  }),
  cd16: demoOrganization({
    id: 'demo-org-16-cd',
    name: 'Département de la Charente',
    kind: 'departement',
    inseeCode: '16015',
    sirenPrefix: '99160004',
  }),
  cognac: demoOrganization({
    id: 'demo-org-16-cognac',
    name: 'Ville de Cognac',
    kind: 'commune',
    inseeCode: '16102',
    sirenPrefix: '99160005',
  }),
  // A private legal person that is not a buyer (L2113-6 second paragraph): an industrial bottler of the
  // Cognac area that uses hand-sanitiser gel on its lines and buys its work gloves with the city of Cognac.
  // The seed says the approach transposes « aussi bien aux PME qu’aux groupes industriels ».
  bottler: demoOrganization({
    id: 'demo-org-16-embouteillage-charentes',
    name: 'Embouteillage des Charentes',
    kind: 'large_company',
    inseeCode: '16102',
    sirenPrefix: '99160006',
  }),
};
type BuyerKey = keyof typeof BUYERS;

const FIRMS = {
  ciragesAngoumois: demoFirm({
    id: 'demo-firm-16-cirages-angoumois',
    name: 'Cirages et Cires de l’Angoumois',
    kind: 'sme',
    inseeCode: '16113',
    sirenPrefix: '98160001',
    nafCodes: ['20.41Z'],
    competences: [
      'formulation-liquides',
      'formulation-cires',
      'melange-cuves',
      'conditionnement-flacons',
      'etiquetage',
      'stockage-inflammables',
    ],
    // The litre line gives its convertible capacity for the gel (issue 5: 25 000 L, under the pooled 32 000 L).
    products: [
      { cpvCode: '39812000', label: 'Cirages et crèmes pour chaussures', annualCapacity: 400_000, unit: 'unit' },
      { cpvCode: '39812100', label: 'Émulsions liquides d’entretien des sols', annualCapacity: 25_000, unit: 'L' },
    ],
    deliveryRadiusKm: 500,
    description:
      'Fabricant de cirages et de cires : cuves de mélange inox de 2 000 L, ligne de remplissage de flacons, stockage de solvants.',
  }),
  distillerieMarcs: demoFirm({
    id: 'demo-firm-16-distillerie-marcs',
    name: 'Distillerie des Marcs de Cognac',
    kind: 'sme',
    inseeCode: '16089',
    sirenPrefix: '98160002',
    nafCodes: ['11.01Z', '20.14Z'],
    competences: ['distillation', 'rectification-alcool', 'stockage-inflammables', 'laboratoire-controle-qualite'],
    products: [{ cpvCode: '24322510', label: 'Alcool éthylique rectifié 96 % vol.', annualCapacity: 400_000, unit: 'L' }],
    deliveryRadiusKm: 300,
    description: 'Distillerie vinicole : valorise les marcs et lies du vignoble de Cognac en alcool rectifié à 96 % vol.',
  }),
  distillerieBorderies: demoFirm({
    id: 'demo-firm-16-distillerie-borderies',
    name: 'Distillerie des Borderies',
    kind: 'sme',
    inseeCode: '16366',
    sirenPrefix: '98160003',
    nafCodes: ['11.01Z'],
    competences: ['distillation', 'stockage-inflammables'],
    products: [{ cpvCode: '15911000', label: 'Eau-de-vie de vin à 70 % vol.', annualCapacity: 200_000, unit: 'L' }],
    deliveryRadiusKm: 200,
    description: 'Distillateur à façon pour les maisons de cognac ; alambics charentais, sans colonne de rectification.',
  }),
  plastiquesTouvre: demoFirm({
    id: 'demo-firm-16-plastiques-touvre',
    name: 'Plastiques Soufflés de la Touvre',
    kind: 'sme',
    inseeCode: '16291',
    sirenPrefix: '98160004',
    nafCodes: ['22.22Z'],
    competences: ['soufflage-flacons', 'injection-plastique', 'iso-9001'],
    products: [
      { cpvCode: '39225730', label: 'Flacons PEHD de 250 mL à 1 L', annualCapacity: 2_000_000, unit: 'unit' },
      { cpvCode: '44618300', label: 'Bouchons et pompes doseuses', annualCapacity: 1_500_000, unit: 'unit' },
    ],
    deliveryRadiusKm: 600,
    certifications: ['ISO 9001'],
    description: 'Souffleur de flacons et injecteur de bouchons pour la cosmétique et la chimie.',
  }),
  imprimerieAngoumoise: demoFirm({
    id: 'demo-firm-16-imprimerie-angoumoise',
    name: 'Imprimerie Angoumoise',
    kind: 'sme',
    inseeCode: '16015',
    sirenPrefix: '98160005',
    nafCodes: ['18.12Z'],
    competences: ['impression-offset', 'impression-numerique', 'etiquetage', 'faconnage'],
    products: [
      { cpvCode: '30199760', label: 'Étiquettes adhésives', annualCapacity: 3_000_000, unit: 'unit' },
      { cpvCode: '22458000', label: 'Imprimés sur commande', annualCapacity: 200_000, unit: 'unit' },
    ],
    deliveryRadiusKm: 300,
    certifications: ['Imprim’Vert'],
    description: 'Imprimerie offset et numérique, étiquettes adhésives en bobines.',
  }),
  charenteChimie: demoFirm({
    id: 'demo-firm-16-charente-chimie',
    name: 'Charente Chimie Distribution',
    kind: 'sme',
    inseeCode: '16078',
    sirenPrefix: '98160006',
    nafCodes: ['46.75Z'],
    competences: ['stockage-inflammables', 'transport-adr', 'logistique-entrepot'],
    products: [
      { cpvCode: '24964000', label: 'Glycérine 98 %', annualCapacity: 20_000, unit: 'L' },
      { cpvCode: '24315300', label: 'Peroxyde d’hydrogène 3 %', annualCapacity: 10_000, unit: 'L' },
      { cpvCode: '24322510', label: 'Alcool éthylique (négoce)', annualCapacity: 50_000, unit: 'L' },
    ],
    deliveryRadiusKm: 250,
    description: 'Distributeur de produits chimiques en fûts et conteneurs, dépôt ICPE.',
  }),
  hygieneServices: demoFirm({
    id: 'demo-firm-16-hygiene-services',
    name: 'Hygiène Services Charente',
    kind: 'sme',
    inseeCode: '16154',
    sirenPrefix: '98160007',
    nafCodes: ['46.44Z'],
    competences: ['distribution-catalogue', 'livraison-multi-sites', 'stock-deporte'],
    products: [
      // Free volume of the wholesaler: enough for any member's lot, not for the whole pooled 32 000 L.
      { cpvCode: '33741300', label: 'Gel hydro-alcoolique', annualCapacity: 20_000, unit: 'L' },
      { cpvCode: '33711900', label: 'Savon liquide', annualCapacity: 30_000, unit: 'L' },
      { cpvCode: '39830000', label: 'Produits de nettoyage', annualCapacity: 80_000, unit: 'L' },
    ],
    deliveryRadiusKm: 150,
    description: 'Grossiste en hygiène pour les collectivités et les établissements de santé.',
  }),
  transportsCognacais: demoFirm({
    id: 'demo-firm-16-transports-cognacais',
    name: 'Transports Cognaçais',
    kind: 'sme',
    inseeCode: '16102',
    sirenPrefix: '98160008',
    nafCodes: ['49.41A'],
    competences: ['transport-poids-lourds', 'transport-adr', 'transport-citerne'],
    products: [{ cpvCode: '60100000', label: 'Transport routier, dont citernes ADR', annualCapacity: 20_000, unit: 't' }],
    deliveryRadiusKm: 300,
    description: 'Transporteur des spiritueux et des alcools du Cognaçais, citernes ADR.',
  }),
  laboCharente: demoFirm({
    id: 'demo-firm-16-labo-charente',
    name: 'Laboratoire Charente Qualité',
    kind: 'sme',
    inseeCode: '16374',
    sirenPrefix: '98160009',
    nafCodes: ['71.20B'],
    competences: ['laboratoire-controle-qualite', 'reglementation-biocides'],
    products: [{ cpvCode: '71900000', label: 'Analyses et contrôles de lots', annualCapacity: 3_000, unit: 'hour' }],
    deliveryRadiusKm: 200,
    description: 'Laboratoire d’analyses : titre alcoométrique, contrôle de lots, dossiers de déclaration biocides.',
  }),
  cosmetiquesCognacais: demoFirm({
    id: 'demo-firm-16-cosmetiques-cognacais',
    name: 'Cosmétiques du Cognaçais',
    kind: 'sme',
    inseeCode: '16167',
    sirenPrefix: '98160010',
    nafCodes: ['20.42Z'],
    competences: ['formulation-liquides', 'melange-cuves', 'conditionnement-flacons', 'bpf-cosmetiques', 'etiquetage'],
    products: [{ cpvCode: '33711900', label: 'Savon liquide', annualCapacity: 60_000, unit: 'L' }],
    deliveryRadiusKm: 400,
    certifications: ['ISO 22716'],
    description: 'Façonnier cosmétique : savons liquides et soins, lignes de remplissage de flacons.',
  }),
};

const ITEMS = {
  gel: {
    cpvCode: '33741300',
    label: 'Gel hydro-alcoolique pour les mains (flacons de 500 mL)',
    unit: 'L',
    refCode: 'GHA',
    qualityRequirements: 'Efficacité selon EN 1500, éthanol ≥ 70 % v/v',
  },
  soap: { cpvCode: '33711900', label: 'Savon liquide doux pour les mains', unit: 'L', refCode: 'SAVON' },
  wipes: { cpvCode: '39830000', label: 'Lingettes désinfectantes pour surfaces', unit: 'box', unitsPerPack: 100, refCode: 'LINGETTES' },
  bottles: {
    cpvCode: '39225730',
    label: 'Flacons vides de 500 mL avec pompe (reconditionnement en pharmacie)',
    unit: 'unit',
    refCode: 'FLACONS',
  },
  cleaning: { cpvCode: '39830000', label: 'Produits d’entretien des locaux', unit: null, refCode: 'ENTRETIEN' },
  gloves: { cpvCode: '18141000', label: 'Gants de travail nitrile (manutention, EN 388)', unit: 'pair', refCode: 'GANTS' },
} satisfies Record<string, DemoItem>;
type ItemKey = keyof typeof ITEMS;

type HolderKey = keyof typeof FIRMS | NationalHolderKey;
/** [months until the current period ends, initial months, renewals, months per renewal, renewals used, holder]. */
type Terms = [number, number, number, number, number, HolderKey];
/** [member, item, annual quantity (null: amount only), unit price or annual amount in cents, contract (null: none)]. */
type Row = [BuyerKey, ItemKey, number | null, number, Terms | null];

const ROWS: Row[] = [
  ['angouleme', 'gel', 6_500, 680, [10, 12, 3, 12, 1, 'hygiene']],
  ['chAngouleme', 'gel', 18_000, 520, [15, 12, 3, 12, 2, 'pharma']],
  ['grandAngouleme', 'gel', 2_200, 740, [8, 12, 3, 12, 1, 'hygieneServices']],
  ['cd16', 'gel', 3_800, 695, [21, 12, 3, 12, 0, 'hygiene']],
  ['cognac', 'gel', 1_500, 790, null],
  ['angouleme', 'soap', 4_000, 310, [10, 12, 3, 12, 1, 'hygiene']],
  ['chAngouleme', 'soap', 9_000, 260, [15, 12, 3, 12, 2, 'pharma']],
  ['cd16', 'soap', 2_000, 335, [21, 12, 3, 12, 0, 'hygiene']],
  ['angouleme', 'wipes', 1_500, 520, [10, 12, 3, 12, 1, 'hygiene']],
  ['chAngouleme', 'wipes', 12_000, 450, [15, 12, 3, 12, 2, 'pharma']],
  ['chAngouleme', 'bottles', 12_000, 65, [24, 24, 2, 12, 0, 'plastiquesTouvre']],
  ['grandAngouleme', 'cleaning', null, 4_500_000, [8, 12, 3, 12, 1, 'hygieneServices']],
  // The small private-member groupement: 1 200 pairs × 3,10 € = 3 720 € (Cognac) + 9 000 × 2,65 € = 23 850 € (the bottler).
  ['cognac', 'gloves', 1_200, 310, null],
  ['bottler', 'gloves', 9_000, 265, null],
];

function holderOf(key: HolderKey): { name: string; siret: string } {
  if (isNationalHolderKey(key)) return NATIONAL_HOLDERS[key];
  const { name, siret } = FIRMS[key].organization;
  return { name, siret };
}

function lineOf([buyer, item, quantity, cents, terms]: Row): DemoLine {
  const contract = terms && {
    endInMonths: terms[0],
    durationMonths: terms[1],
    renewalCount: terms[2],
    renewalMonths: terms[3],
    renewalsUsed: terms[4],
    holder: holderOf(terms[5]),
  };
  return { organization: BUYERS[buyer], item: ITEMS[item], quantity, cents, contract };
}

const SLUG = 'charente';

/** The Charente demo territory: 5 public buyers, 1 private member (L2113-6), 10 local firms, hand-sanitizer and hygiene needs and contracts. */
export function buildCharenteDemo(now: IsoDate): DemoTerritoryData {
  const firms = Object.values(FIRMS);
  const { needs, runningContracts } = buildDemoLines(now, ROWS.map(lineOf));
  const grant = (role: 'member' | 'supplier', organizationId: string) => ({ role, territorySlug: SLUG, organizationId });
  return {
    territory: {
      territory: { slug: SLUG, name: 'Charente — gel hydro-alcoolique', poolingScope: { kind: 'departement' }, isDemo: true },
      organizations: [...Object.values(BUYERS), ...firms.map((f) => f.organization)],
    },
    needs,
    runningContracts,
    supplierProfiles: firms.map((f) => f.profile),
    users: [
      {
        email: 'facilitateur@charente.demo',
        name: 'Julien Garnier',
        password: DEMO_PASSWORD,
        roles: [{ role: 'facilitator', territorySlug: SLUG, organizationId: null }],
      },
      { email: 'achats@angouleme.demo', name: 'Sophie Martin', password: DEMO_PASSWORD, roles: [grant('member', BUYERS.angouleme.id)] },
      {
        email: 'pharmacie@ch-angouleme.demo',
        name: 'Hélène Rousseau',
        password: DEMO_PASSWORD,
        roles: [grant('member', BUYERS.chAngouleme.id)],
      },
      {
        email: 'achats@embouteillage-charentes.demo',
        name: 'Marc Delage',
        password: DEMO_PASSWORD,
        roles: [grant('member', BUYERS.bottler.id)],
      },
      {
        email: 'contact@cirages-angoumois.demo',
        name: 'Pierre Lacroix',
        password: DEMO_PASSWORD,
        roles: [grant('supplier', FIRMS.ciragesAngoumois.organization.id)],
      },
    ],
    // The facilitator has not chosen yet: the proposal stands.
    coordinatorChoices: [],
  };
}
