import type { Cents, IsoDate } from '../domain/types';
import type { DecpProcedure } from './open-data-input';

export type DecpTechnique = 'Accord-cadre' | 'Concours' | "Système d'acquisition dynamique" | 'Enchère électronique' | 'Sans objet';
export type DecpModaliteExecution = 'Tranches' | 'Bons de commande' | 'Marchés subséquents' | 'Sans objet';
export type DecpCcag =
  | 'Travaux'
  | "Maitrise d'œuvre"
  | 'Fournitures courantes et services'
  | 'Marchés industriels'
  | 'Prestations intellectuelles'
  | "Techniques de l'information et de la communication"
  | 'Pas de CCAG';
export type DecpTypePrix = 'Définitif ferme' | 'Définitif actualisable' | 'Définitif révisable' | 'Provisoire';
export type DecpFormePrix = 'Unitaire' | 'Forfaitaire' | 'Mixte';
export type DecpGroupementOperateurs = 'Conjoint' | 'Solidaire' | 'Pas de groupement';
export type DecpConsiderationSociale = 'Clause sociale' | 'Critère social' | 'Marché réservé';
export type DecpConsiderationEnvironnementale = 'Clause environnementale' | 'Critère environnemental';
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
  priceTypes: readonly DecpTypePrix[];
  ccag: DecpCcag;
  subcontractingDeclared: boolean;
  advanceGranted: boolean;
  isInnovative: boolean;
  operatorGrouping: DecpGroupementOperateurs;
  socialConsiderations: readonly DecpConsiderationSociale[];
  environmentalConsiderations: readonly DecpConsiderationEnvironnementale[];
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
