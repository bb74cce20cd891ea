import type { IsoDate } from '../domain/types';
import { ALSACE_FIRMS } from './alsace-firms';
import { DEMO_PASSWORD, type DemoTerritoryData } from './demo-dataset';
import { buildDemoLines, type DemoContractTerms, type DemoItem, type DemoLine } from './demo-lines';
import { demoOrganization } from './demo-records';
import { isNationalHolderKey, NATIONAL_HOLDERS, type NationalHolderKey } from './national-holders';

/*
 * Alsace demo: the seed story is a joint groupement of the Bas-Rhin and Haut-Rhin départements
 * (salt, health booklets, gloves, paper, office supplies) that the cities, agglomerations and
 * hospitals of both départements may join. Members sit in two départements, so the pooling scope
 * is the whole territory rather than one département.
 * Since 1 January 2021 both conseils départementaux form the Collectivité européenne d'Alsace
 * (loi n° 2019-816); the demo keeps them as two buyers to show a two-coordinator groupement.
 * Buyer SIRETs are fictional (SIREN prefixes 9967xxxx and 9968xxxx).
 */

const BUYERS = {
  cd67: demoOrganization({
    id: 'demo-org-67-cd',
    name: 'Département du Bas-Rhin',
    kind: 'departement',
    inseeCode: '67482',
    sirenPrefix: '99670001',
  }),
  cd68: demoOrganization({
    id: 'demo-org-68-cd',
    name: 'Département du Haut-Rhin',
    kind: 'departement',
    inseeCode: '68066',
    sirenPrefix: '99680001',
  }),
  strasbourg: demoOrganization({
    id: 'demo-org-67-strasbourg',
    name: 'Ville de Strasbourg',
    kind: 'commune',
    inseeCode: '67482',
    sirenPrefix: '99670002',
  }),
  ems: demoOrganization({
    id: 'demo-org-67-ems',
    name: 'Eurométropole de Strasbourg',
    kind: 'epci',
    inseeCode: '67482',
    sirenPrefix: '99670003',
  }),
  hus: demoOrganization({
    id: 'demo-org-67-hus',
    name: 'Hôpitaux universitaires de Strasbourg',
    kind: 'hospital',
    inseeCode: '67482',
    sirenPrefix: '99670004',
  }),
  haguenau: demoOrganization({
    id: 'demo-org-67-haguenau',
    name: 'Ville de Haguenau',
    kind: 'commune',
    inseeCode: '67180',
    sirenPrefix: '99670005',
  }),
  selestat: demoOrganization({
    id: 'demo-org-67-selestat',
    name: 'Ville de Sélestat',
    kind: 'commune',
    inseeCode: '67462',
    sirenPrefix: '99670006',
  }),
  mulhouse: demoOrganization({
    id: 'demo-org-68-mulhouse',
    name: 'Ville de Mulhouse',
    kind: 'commune',
    inseeCode: '68224',
    sirenPrefix: '99680002',
  }),
  colmar: demoOrganization({
    id: 'demo-org-68-colmar',
    name: 'Ville de Colmar',
    kind: 'commune',
    inseeCode: '68066',
    sirenPrefix: '99680003',
  }),
  ghrmsa: demoOrganization({
    id: 'demo-org-68-ghrmsa',
    name: 'Groupe hospitalier de la région de Mulhouse et Sud Alsace',
    kind: 'hospital',
    inseeCode: '68224',
    sirenPrefix: '99680004',
  }),
  m2a: demoOrganization({
    id: 'demo-org-68-m2a',
    name: 'Mulhouse Alsace Agglomération',
    kind: 'epci',
    inseeCode: '68224',
    sirenPrefix: '99680005',
  }),
  colmarAgglo: demoOrganization({
    id: 'demo-org-68-colmar-agglo',
    name: 'Colmar Agglomération',
    kind: 'epci',
    inseeCode: '68066',
    sirenPrefix: '99680006',
  }),
  saintLouisAgglo: demoOrganization({
    id: 'demo-org-68-saint-louis-agglo',
    name: 'Saint-Louis Agglomération',
    kind: 'epci',
    inseeCode: '68297',
    sirenPrefix: '99680007',
  }),
};
type BuyerKey = keyof typeof BUYERS;

const ITEMS = {
  salt: {
    cpvCode: '34927100',
    label: 'Sel de déneigement en vrac',
    unit: 't',
    refCode: 'SEL',
    qualityRequirements: 'NF EN 16811-1, granulométrie 0–6 mm',
  },
  healthBooklet: { cpvCode: '22458000', label: 'Carnets de santé de l’enfant', unit: 'unit', refCode: 'CSANTE', confidence: 'firm' },
  maternityBooklet: { cpvCode: '22458000', label: 'Carnets de maternité', unit: 'unit', refCode: 'CMAT', confidence: 'firm' },
  gloves: { cpvCode: '18141000', label: 'Gants de travail (manutention, EN 388)', unit: 'pair', refCode: 'GANTS' },
  hiVis: { cpvCode: '35113400', label: 'Vêtements de signalisation haute visibilité', unit: 'unit', refCode: 'HV' },
  paper: {
    cpvCode: '30197630',
    label: 'Papier de reprographie A4 80 g',
    unit: 'ream',
    refCode: 'PAPIER',
    csrRequirements: ['Papier recyclé ou issu de forêts gérées durablement (FSC, PEFC)'],
  },
  office: { cpvCode: '30192000', label: 'Fournitures de bureau (catalogue)', unit: null, refCode: 'FOURN' },
  diesel: { cpvCode: '09134200', label: 'Gazole pour la flotte de véhicules', unit: 'L', refCode: 'GAZOLE' },
  surgicalGloves: { cpvCode: '33141420', label: 'Gants chirurgicaux stériles', unit: 'pair', refCode: 'GCHIR', confidence: 'firm' },
  saltSpreaders: {
    cpvCode: '34144420',
    label: 'Saleuses portées pour camions',
    unit: 'unit',
    refCode: 'SALEUSES',
    confidence: 'indicative',
  },
  electricity: { cpvCode: '09310000', label: 'Électricité des bâtiments communaux', unit: null, refCode: 'ELEC' },
} satisfies Record<string, DemoItem>;
type ItemKey = keyof typeof ITEMS;

type HolderKey = keyof typeof ALSACE_FIRMS | NationalHolderKey;
/** [months until the current period ends, initial months, renewals, months per renewal, renewals used, holder]. */
type Terms = [number, number, number, number, number, HolderKey];
/** [member, item, annual quantity (null: amount only), unit price or annual amount in cents, contract (null: none)]. */
type Row = [BuyerKey, ItemKey, number | null, number, Terms | null];

// Unit prices differ between members so that harmonisation and volume both save something.
// Contract ends are staggered 7–29 months ahead; null contracts are bought on purchase orders.
const ROWS: Row[] = [
  ['cd67', 'salt', 12_000, 9_600, [9, 12, 3, 12, 2, 'selsRhenans']],
  ['cd68', 'salt', 9_500, 10_400, [14, 12, 3, 12, 1, 'salt']],
  ['ems', 'salt', 3_500, 11_200, [7, 24, 2, 12, 1, 'entrepotsReichstett']],
  ['mulhouse', 'salt', 1_200, 12_100, [20, 12, 3, 12, 0, 'plateformeOttmarsheim']],
  ['colmar', 'salt', 800, 12_400, [11, 12, 2, 12, 1, 'salt']],
  ['haguenau', 'salt', 450, 12_700, [16, 24, 1, 12, 0, 'kieffer']],
  ['selestat', 'salt', 300, 12_900, null],
  ['saintLouisAgglo', 'salt', 600, 11_800, [26, 12, 3, 12, 0, 'plateformeOttmarsheim']],
  ['cd67', 'healthBooklet', 13_000, 162, [12, 24, 2, 12, 0, 'printing']],
  ['cd67', 'maternityBooklet', 15_000, 88, [12, 24, 2, 12, 0, 'printing']],
  ['cd68', 'healthBooklet', 8_500, 205, [18, 12, 3, 12, 2, 'schongauer']],
  ['cd68', 'maternityBooklet', 9_500, 112, [18, 12, 3, 12, 2, 'schongauer']],
  ['cd67', 'gloves', 18_000, 240, [8, 12, 3, 12, 1, 'epiServices']],
  ['cd68', 'gloves', 14_000, 295, [22, 12, 3, 12, 0, 'ppe']],
  ['ems', 'gloves', 25_000, 210, [10, 24, 2, 12, 1, 'ppe']],
  ['mulhouse', 'gloves', 8_000, 275, [15, 12, 3, 12, 2, 'epiServices']],
  ['colmar', 'gloves', 5_000, 310, [29, 12, 3, 12, 0, 'ganterieWittenheim']],
  ['hus', 'gloves', 6_000, 260, [13, 48, 0, 0, 0, 'ppe']],
  ['haguenau', 'gloves', 2_500, 320, null],
  ['m2a', 'gloves', 3_000, 285, [17, 12, 2, 12, 0, 'textilesThur']],
  ['cd67', 'hiVis', 1_200, 4_800, [8, 12, 3, 12, 1, 'epiServices']],
  ['cd68', 'hiVis', 900, 5_350, [22, 12, 3, 12, 0, 'ppe']],
  ['cd67', 'paper', 24_000, 345, [11, 12, 3, 12, 1, 'paper']],
  ['cd68', 'paper', 18_000, 390, [19, 12, 3, 12, 0, 'papeterieColmar']],
  ['strasbourg', 'paper', 15_000, 360, [7, 12, 3, 12, 3, 'bureauRhenan']],
  ['ems', 'paper', 20_000, 340, [7, 12, 3, 12, 3, 'bureauRhenan']],
  ['hus', 'paper', 40_000, 330, [27, 48, 0, 0, 0, 'paper']],
  ['haguenau', 'paper', 2_500, 460, [9, 12, 2, 12, 1, 'bureauRhenan']],
  ['selestat', 'paper', 1_800, 480, null],
  ['mulhouse', 'paper', 9_000, 410, [24, 12, 3, 12, 0, 'office']],
  ['colmar', 'paper', 6_000, 425, [16, 12, 3, 12, 1, 'papeterieColmar']],
  ['ghrmsa', 'paper', 16_000, 385, [12, 12, 3, 12, 2, 'paper']],
  ['m2a', 'paper', 3_000, 415, [24, 12, 3, 12, 0, 'office']],
  ['colmarAgglo', 'paper', 1_500, 470, [16, 12, 3, 12, 1, 'papeterieColmar']],
  ['saintLouisAgglo', 'paper', 2_200, 440, [21, 12, 3, 12, 1, 'office']],
  ['cd67', 'office', null, 18_500_000, [11, 12, 3, 12, 1, 'office']],
  ['cd68', 'office', null, 14_200_000, [19, 12, 3, 12, 0, 'papeterieColmar']],
  ['strasbourg', 'office', null, 9_600_000, [7, 12, 3, 12, 3, 'bureauRhenan']],
  ['ems', 'office', null, 12_000_000, [7, 12, 3, 12, 3, 'bureauRhenan']],
  ['hus', 'office', null, 21_000_000, [27, 48, 0, 0, 0, 'office']],
  ['haguenau', 'office', null, 1_250_000, [9, 12, 2, 12, 1, 'bureauRhenan']],
  ['selestat', 'office', null, 850_000, null],
  ['mulhouse', 'office', null, 5_800_000, [24, 12, 3, 12, 0, 'office']],
  ['colmar', 'office', null, 3_100_000, [16, 12, 3, 12, 1, 'papeterieColmar']],
  ['ghrmsa', 'office', null, 8_800_000, [12, 12, 3, 12, 2, 'office']],
  ['m2a', 'office', null, 2_600_000, [24, 12, 3, 12, 0, 'office']],
  ['colmarAgglo', 'office', null, 1_400_000, [16, 12, 3, 12, 1, 'papeterieColmar']],
  ['saintLouisAgglo', 'office', null, 980_000, [21, 12, 3, 12, 1, 'office']],
  // Needs no other member shares: they stay out of any groupement.
  ['ems', 'diesel', 1_800_000, 142, [18, 12, 3, 12, 1, 'koenig']],
  ['hus', 'surgicalGloves', 280_000, 62, [25, 48, 0, 0, 0, 'pharma']],
  ['cd67', 'saltSpreaders', 4, 3_800_000, null],
  ['colmar', 'electricity', null, 145_000_000, [20, 36, 0, 0, 0, 'energy']],
];

/** Road-maintenance depots the départements deliver salt to (centres d'exploitation). */
const SALT_DEPOTS: Partial<Record<BuyerKey, string[]>> = {
  cd67: ['67437', '67300', '67180', '67462', '67544', '67130'],
  cd68: ['68066', '68063', '68004', '68112', '68269', '68082'],
};

function holderOf(key: HolderKey): { name: string; siret: string } {
  if (isNationalHolderKey(key)) return NATIONAL_HOLDERS[key];
  const { name, siret } = ALSACE_FIRMS[key].organization;
  return { name, siret };
}

function lineOf([buyer, item, quantity, cents, terms]: Row): DemoLine {
  const contract: DemoContractTerms | null = terms && {
    endInMonths: terms[0],
    durationMonths: terms[1],
    renewalCount: terms[2],
    renewalMonths: terms[3],
    renewalsUsed: terms[4],
    holder: holderOf(terms[5]),
  };
  const deliveryCommunes = item === 'salt' ? SALT_DEPOTS[buyer] : undefined;
  return { organization: BUYERS[buyer], item: ITEMS[item], quantity, cents, deliveryCommunes, contract };
}

const SLUG = 'alsace';

/**
 * The seed story's real decisions, recorded as the facilitator's choices: the Bas-Rhin coordinates
 * salt, the Haut-Rhin the booklets, PPE, office supplies and paper. The analysis keeps its own
 * proposal beside them and says where and why it differs.
 */
const COORDINATOR_CHOICES: [familyId: string, buyer: BuyerKey][] = [
  ['fam-salt', 'cd67'],
  ['fam-health-booklets', 'cd68'],
  ['fam-ppe-gloves', 'cd68'],
  ['fam-office-supplies', 'cd68'],
  ['fam-paper', 'cd68'],
];

/** The Alsace demo territory: 13 public buyers of Bas-Rhin and Haut-Rhin, 22 local firms, their needs and contracts. */
export function buildAlsaceDemo(now: IsoDate): DemoTerritoryData {
  const firms = Object.values(ALSACE_FIRMS);
  const { needs, runningContracts } = buildDemoLines(now, ROWS.map(lineOf));
  const member = (organizationId: string) => ({ role: 'member' as const, territorySlug: SLUG, organizationId });
  return {
    territory: {
      territory: { slug: SLUG, name: 'Alsace — groupement Bas-Rhin / Haut-Rhin', poolingScope: { kind: 'territory' }, isDemo: true },
      organizations: [...Object.values(BUYERS), ...firms.map((f) => f.organization)],
    },
    needs,
    runningContracts,
    supplierProfiles: firms.map((f) => f.profile),
    users: [
      {
        email: 'animatrice@alsace.demo',
        name: 'Claire Muller',
        password: DEMO_PASSWORD,
        roles: [{ role: 'facilitator', territorySlug: SLUG, organizationId: null }],
      },
      { email: 'achats@bas-rhin.demo', name: 'Thomas Schmitt', password: DEMO_PASSWORD, roles: [member(BUYERS.cd67.id)] },
      { email: 'achats@haut-rhin.demo', name: 'Julie Meyer', password: DEMO_PASSWORD, roles: [member(BUYERS.cd68.id)] },
      // The city and the Eurométropole share one purchasing department (services mutualisés).
      {
        email: 'achats@strasbourg.demo',
        name: 'Nadia Weber',
        password: DEMO_PASSWORD,
        roles: [member(BUYERS.strasbourg.id), member(BUYERS.ems.id)],
      },
      {
        email: 'commercial@sels-rhenans.demo',
        name: 'Marc Ehrhart',
        password: DEMO_PASSWORD,
        roles: [{ role: 'supplier', territorySlug: SLUG, organizationId: ALSACE_FIRMS.selsRhenans.organization.id }],
      },
    ],
    coordinatorChoices: COORDINATOR_CHOICES.map(([familyId, buyer]) => ({
      territorySlug: SLUG,
      familyKey: `famille:${familyId}`,
      organizationId: BUYERS[buyer].id,
    })),
  };
}
