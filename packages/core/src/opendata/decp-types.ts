import type { Cents, IsoDate } from '../domain/types';
import type { DecpProcedure } from './open-data-input';

export type DecpTechnique = 'Accord-cadre' | 'Concours' | "Système d'acquisition dynamique" | 'Enchère électronique' | 'Sans objet';
export type DecpModaliteExecution = 'Tranches' | 'Bons de commande' | 'Marchés subséquents' | 'Sans objet';
/** Values of the DECP 2024 schema (v2.0.3), as the award form offers them. */
export const DECP_CCAGS = [
  'Travaux',
  "Maitrise d'œuvre",
  'Fournitures courantes et services',
  'Marchés industriels',
  'Prestations intellectuelles',
  "Techniques de l'information et de la communication",
  'Pas de CCAG',
] as const;
export type DecpCcag = (typeof DECP_CCAGS)[number];
export const DECP_PRICE_TYPES = ['Définitif ferme', 'Définitif actualisable', 'Définitif révisable', 'Provisoire'] as const;
export type DecpTypePrix = (typeof DECP_PRICE_TYPES)[number];
export type DecpFormePrix = 'Unitaire' | 'Forfaitaire' | 'Mixte';
export const DECP_OPERATOR_GROUPINGS = ['Pas de groupement', 'Conjoint', 'Solidaire'] as const;
export type DecpGroupementOperateurs = (typeof DECP_OPERATOR_GROUPINGS)[number];
export const DECP_SOCIAL_CONSIDERATIONS = ['Clause sociale', 'Critère social', 'Marché réservé'] as const;
export type DecpConsiderationSociale = (typeof DECP_SOCIAL_CONSIDERATIONS)[number];
export const DECP_ENVIRONMENTAL_CONSIDERATIONS = ['Clause environnementale', 'Critère environnemental'] as const;
export type DecpConsiderationEnvironnementale = (typeof DECP_ENVIRONMENTAL_CONSIDERATIONS)[number];
export type DecpLieuTypeCode = 'Code commune' | 'Code département' | 'Code région' | 'Code pays';

/**
 * What the DECP 2024 asks of an awarded lot that the award decision itself does not say: recorded
 * by the coordinator with the award (or completed later), never guessed for publication.
 */
export interface AwardEssentialData {
  /** Date the contract was notified to the holder. */
  notifiedOn: IsoDate;
  /** Offers received, irregular and unacceptable ones included (≥ 1). */
  offersReceived: number;
  priceTypes: DecpTypePrix[];
  ccag: DecpCcag;
  subcontractingDeclared: boolean;
  advanceGranted: boolean;
  isInnovative: boolean;
  operatorGrouping: DecpGroupementOperateurs;
  socialConsiderations: DecpConsiderationSociale[];
  environmentalConsiderations: DecpConsiderationEnvironnementale[];
}

/** A contract awarded through Mutualis, in the words of the DECP 2024 format. */
export interface DecpContractInput {
  /** Buyer's internal number, 1 to 16 characters. */
  id: string;
  /** SIRET of the coordinator (mandataire) that ran the procedure. */
  coordinatorSiret: string;
  object: string;
  cpvCode: string;
  procedure: DecpProcedure;
  isFrameworkAgreement: boolean;
  executionModes: readonly DecpModaliteExecution[];
  ccag: DecpCcag;
  offersReceived: number;
  isInnovative: boolean;
  advanceGranted: boolean;
  operatorGrouping: DecpGroupementOperateurs;
  executionPlace: { code: string; typeCode: DecpLieuTypeCode };
  /** Initial duration including optional renewals. */
  durationMonths: number;
  notificationDate: IsoDate;
  publicationDate: IsoDate;
  /** Fixed amount, or estimated maximum for an accord-cadre, excluding VAT. */
  amountCents: Cents;
  priceTypes: readonly DecpTypePrix[];
  priceForm: DecpFormePrix;
  subcontractingDeclared: boolean;
  holderSirets: readonly string[];
  socialConsiderations: readonly DecpConsiderationSociale[];
  environmentalConsiderations: readonly DecpConsiderationEnvironnementale[];
}

/** One `marche` object of the DECP v2.0.3 JSON format. */
export interface DecpMarche {
  id: string;
  acheteur: { id: string };
  nature: 'Marché';
  objet: string;
  codeCPV: string;
  techniques: { technique: string[] };
  modalitesExecution: { modaliteExecution: string[] };
  marcheInnovant: boolean;
  ccag: DecpCcag;
  offresRecues: number;
  attributionAvance: boolean;
  typeGroupementOperateurs: DecpGroupementOperateurs;
  procedure: DecpProcedure;
  lieuExecution: { code: string; typeCode: DecpLieuTypeCode };
  dureeMois: number;
  dateNotification: IsoDate;
  datePublicationDonnees: IsoDate;
  montant: number;
  typesPrix: { typePrix: string[] };
  formePrix: DecpFormePrix;
  sousTraitanceDeclaree: boolean;
  titulaires: { titulaire: { typeIdentifiant: 'SIRET'; id: string } }[];
  considerationsSociales: { considerationSociale: string[] };
  considerationsEnvironnementales: { considerationEnvironnementale: string[] };
}

export interface Decp2024Document {
  marches: { marche: DecpMarche[] };
}
