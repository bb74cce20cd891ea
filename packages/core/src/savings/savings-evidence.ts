/**
 * Published evidence on savings from pooled public purchasing, as versioned data: every figure
 * shown to a buyer cites one of these sources with what it measured. Each entry was checked
 * against the source itself or a page quoting it (`url`) on `checkedOn`; nothing internal or
 * unpublished is cited. A new reading of the evidence is a new version (new `id`), never an edit
 * in place, so that a launch snapshot keeps naming the version it was computed with.
 */
import { DomainError } from '../errors/domain-error';

/** How a source arrived at its figure: the weight a buyer can give it depends on this first. */
export type EvidenceMeasure =
  | 'randomised_trial'
  | 'econometric'
  | 'price_survey'
  | 'auditor_review'
  | 'estimate'
  | 'target'
  | 'buyer_reported'
  | 'fixed_coefficient'
  | 'press_report'
  | 'parliamentary_report';

/** French wording of each kind of measure, as the provenance shows it. */
export const EVIDENCE_MEASURE_LABELS: Record<EvidenceMeasure, string> = {
  randomised_trial: 'essai randomisé',
  econometric: 'étude économétrique',
  price_survey: 'relevé de prix payés',
  auditor_review: 'contrôle d’une juridiction financière',
  estimate: 'estimation',
  target: 'objectif, pas une mesure',
  buyer_reported: 'chiffre déclaré par les acheteurs, sans contrefactuel',
  fixed_coefficient: 'coefficient forfaitaire, non mesuré',
  press_report: 'article de presse',
  parliamentary_report: 'rapport parlementaire',
};

/** One published source. */
export interface EvidenceSource {
  id: string;
  /** Authors or body, title, where published. */
  citation: string;
  /** Publication date, as precise as known (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`); null when the page is undated. */
  publishedOn: string | null;
  measure: EvidenceMeasure;
  /** What it found, in French, with its figure and its scope. */
  finding: string;
  /** Where the figure was read (the source, or a page quoting it). */
  url: string;
}

/** Date on which every source of this version was read. */
export const SAVINGS_EVIDENCE_CHECKED_ON = '2026-12-06';
/** Identifier of this reading of the evidence (stored with every launch snapshot). */
export const SAVINGS_EVIDENCE_VERSION = 'preuves-economies-2026-12';

/** The sources, by id. */
export const EVIDENCE_SOURCES: readonly EvidenceSource[] = [
  {
    id: 'malvy-lambert-2014',
    citation: 'Rapport Malvy–Lambert sur les finances locales (2014), cité lors d’un débat à l’Assemblée nationale (XIVe législature)',
    publishedOn: '2014',
    measure: 'estimate',
    finding: 'Les groupements d’achats permettent des gains « estimés entre 10 % et 15 % du total ».',
    url: 'https://2012-2017.nosdeputes.fr/14/intervention/520258',
  },
  {
    id: 'cour-des-comptes-2024',
    citation: 'Cour des comptes, Les finances publiques locales 2024, fascicule 2 (rapporté par weka.fr, 10 octobre 2024)',
    publishedOn: '2024-10-02',
    measure: 'target',
    finding:
      'Objectif proposé de 10 % d’économies sur les achats des collectivités (environ 5 Md€ par an sur 48,9 Md€ d’achats en 2023), par les centrales d’achat et les groupements de commandes.',
    url: 'https://weka.fr/actualite/achats/article/comment-optimiser-les-depenses-d-achat-des-collectivites-locales-185454',
  },
  {
    id: 'petersen-jensen-bhatti-2022',
    citation:
      'Petersen, Jensen et Bhatti, « The Effect of Procurement Centralization on Government Purchasing Prices: Evidence from a Field Experiment », International Public Management Journal 25(1), 2022',
    publishedOn: '2022',
    measure: 'randomised_trial',
    finding:
      'Achats de billets d’avion de l’administration centrale danoise : l’achat centralisé n’est pas moins cher ; il est même légèrement plus coûteux que l’achat décentralisé de produits identiques.',
    url: 'https://research.cbs.dk/en/publications/the-effect-of-procurement-centralization-on-government-purchasing',
  },
  {
    id: 'nao-ccs-2016',
    citation: 'National Audit Office (Royaume-Uni), Crown Commercial Service, HC 786, session 2016-17',
    publishedOn: '2016-12-13',
    measure: 'auditor_review',
    finding:
      '521 M£ d’économies déclarées en 2015-16 pour 12,8 Md£ d’achats passés par les accords-cadres de la centrale (environ 4 %) ; l’auditeur n’a pas pu dire si elles auraient été obtenues de toute façon.',
    url: 'https://www.nao.org.uk/press-releases/crown-commercial-service/',
  },
  {
    id: 'toulemon-2018',
    citation: 'Toulemon, « The effect of group purchasing on prices hospitals pay for medicines », Health Economics 27(9), 2018',
    publishedOn: '2018-09',
    measure: 'econometric',
    finding:
      'Hôpitaux français entrés dans des groupements régionaux (2009-2014) : baisse légère des prix d’ensemble, aucune baisse pour les médicaments sans alternative, forte baisse en marché oligopolistique.',
    url: 'https://www.hospinnomics.eu/2018/09/the-effect-of-group-purchasing-on-prices-hospitals-pay-for-medicines/',
  },
  {
    id: 'bandiera-prat-valletti-2009',
    citation:
      'Bandiera, Prat et Valletti, « Active and Passive Waste in Government Spending: Evidence from a Policy Experiment », American Economic Review 99(4), 2009',
    publishedOn: '2009',
    measure: 'econometric',
    finding:
      '21 catégories de biens standardisés (papier, imprimantes…) achetés par plus de 200 organismes publics italiens : certains paient durablement plus cher que d’autres pour des biens équivalents, surtout par inefficacité (83 % du gaspillage estimé).',
    url: 'https://cepr.org/active/publications/discussion_papers/dp.php?dpno=6799',
  },
  {
    id: 'consip-mef-istat-2014',
    citation: 'Consip, relevé MEF/Istat (11e édition) sur 21 catégories, communiqué du 30 juin 2014',
    publishedOn: '2014-06-30',
    measure: 'price_survey',
    finding:
      'Questionnaire auprès d’environ 1 200 administrations : les achats par les conventions de la centrale nationale sont en moyenne 22 % moins chers que hors convention (centrale d’achat, pas groupement).',
    url: 'https://www.consip.it/media/news-e-comunicati/consip-per-la-pa-risparmio-medio-del-22-sui-prezzi-d%E2%80%99acquisto-di-beni-e-servizi',
  },
  {
    id: 'karjalainen-2008',
    citation:
      'Karjalainen, Kivioja et Pellava, Yhteishankintojen kustannusvaikutus, Helsingin kauppakorkeakoulu B-94, 2008 (repris par Hansel)',
    publishedOn: '2008',
    measure: 'fixed_coefficient',
    finding:
      'Le modèle centralisé finlandais produirait 20 à 25 % d’économies ; la centrale Hansel applique ce coefficient chaque année sans le mesurer (maximum théorique 25,7 %).',
    url: 'https://annualreport2016.hansel.fi/corporate-responsibility/corporate-responsibility-programme/savings-for-society/',
  },
  {
    id: 'anac-carta-2025',
    citation: 'ANAC (Italie), prix de référence de la carta in risme, avis du 7 mars 2025 (rapporté par entilocali-online.it)',
    publishedOn: '2025-03-07',
    measure: 'price_survey',
    finding:
      'Papier en ramettes : plafonner les prix payés par les acheteurs publics au 70e centile de leurs prix relevés économiserait 2 % sur l’A4 et 14 % sur l’A3 — la dispersion des prix de l’A4 est faible.',
    url: 'https://www.entilocali-online.it/anac-prezzi-di-riferimento-della-carta-in-risme-dopo-il-rientro-dellinflazione/',
  },
  {
    id: 'afp-sel-2010',
    citation: 'AFP, « Avec les intempéries, le sel de déneigement à flux tendu », 24 décembre 2010 (repris par webmanagercenter.com)',
    publishedOn: '2010-12-24',
    measure: 'press_report',
    finding:
      'Pénurie de l’hiver 2010 : le sel en vrac (75,50 €/t) est dirigé vers les grands axes, puis les conseils généraux et grandes agglomérations, puis les communes ; une commune sans sel en vrac l’achète en sacs à 170 €/t.',
    url: 'https://www.webmanagercenter.com/2010/12/24/99736/avec-les-intemperies-le-sel-de-deneigement-a-flux-tendu/',
  },
  {
    id: '20minutes-sel-2010',
    citation: '20 Minutes, « Neige : cherche sel d’épandage désespérément », 15 décembre 2010',
    publishedOn: '2010-12-15',
    measure: 'press_report',
    finding:
      'Selon le président des Salins du Midi, les municipalités en difficulté sont souvent celles qui n’ont pas de contrat : les producteurs gardent leurs stocks pour leurs clients sous contrat.',
    url: 'https://20minutes.fr/societe/639417-20101215-societe-neige-cherche-sel-epandage-desesperement',
  },
  {
    id: 'bourgogne-electricite',
    citation: 'Territoire d’énergie, « Électricité : résultats du groupement de commandes en Bourgogne » (SIEEEN, SICECO, SYDESL, SDEY)',
    publishedOn: null,
    measure: 'buyer_reported',
    finding: '231 acheteurs publics : 7,5 % d’économies en moyenne par rapport aux tarifs réglementés de vente, 880 000 € par an.',
    url: 'https://www.territoire-energie.com/article/electricite-resultats-du-groupement-de-commandes-en-bourgogne',
  },
  {
    id: 'senat-r15-082',
    citation: 'Sénat, rapport d’information n° 82 (2015-2016), « Favoriser la mutualisation des achats »',
    publishedOn: '2015',
    measure: 'parliamentary_report',
    finding:
      'L’effet volume et la réduction du coût de procédure sont « des avantages à relativiser » ; le principal avantage de la mutualisation est l’expertise des acheteurs.',
    url: 'https://senat.fr./rap/r15-082-1/r15-082-124.html',
  },
];

/** The source of that id; an unknown id is a data error (`internal`), caught by the tests. */
export function evidenceSource(id: string): EvidenceSource {
  const source = EVIDENCE_SOURCES.find((s) => s.id === id);
  if (!source) throw new DomainError('internal', `Source de preuve inconnue : ${id}.`);
  return source;
}
