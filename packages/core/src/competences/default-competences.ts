import type { Competence } from '../domain/types';

/**
 * Controlled vocabulary of what local firms can do, shipped with Mutualis and editable per
 * deployment. Codes are stable (stored in supplier profiles and recipes); labels may change.
 */
export const DEFAULT_COMPETENCES: Competence[] = [
  // Liquids, chemistry and cosmetics
  { code: 'formulation-liquides', labelFr: 'Formulation de liquides', kind: 'process' },
  { code: 'formulation-cires', labelFr: 'Formulation de cires et de pâtes', kind: 'process' },
  { code: 'melange-cuves', labelFr: 'Mélange en cuves', kind: 'equipment' },
  { code: 'conditionnement-flacons', labelFr: 'Conditionnement en flacons', kind: 'process' },
  { code: 'conditionnement-sacs', labelFr: 'Conditionnement en sacs et big-bags', kind: 'process' },
  { code: 'etiquetage', labelFr: 'Étiquetage', kind: 'process' },
  { code: 'distillation', labelFr: "Distillation d'alcool", kind: 'process' },
  { code: 'rectification-alcool', labelFr: "Rectification d'alcool (96 % vol.)", kind: 'process' },
  { code: 'stockage-inflammables', labelFr: 'Stockage de liquides inflammables (ICPE)', kind: 'equipment' },
  { code: 'laboratoire-controle-qualite', labelFr: 'Laboratoire de contrôle qualité', kind: 'equipment' },
  { code: 'bpf-cosmetiques', labelFr: 'Bonnes pratiques de fabrication cosmétiques (ISO 22716)', kind: 'skill' },
  { code: 'reglementation-biocides', labelFr: 'Mise sur le marché de biocides (TP1, déclaration)', kind: 'skill' },
  // Printing
  { code: 'pre-presse', labelFr: 'Prépresse et photogravure', kind: 'process' },
  { code: 'impression-offset', labelFr: 'Impression offset', kind: 'equipment' },
  { code: 'impression-numerique', labelFr: 'Impression numérique', kind: 'equipment' },
  { code: 'impression-donnees-variables', labelFr: 'Impression de données variables (numérotation)', kind: 'process' },
  { code: 'reliure', labelFr: 'Reliure', kind: 'process' },
  { code: 'faconnage', labelFr: 'Façonnage (pliage, découpe, piqûre)', kind: 'process' },
  { code: 'serigraphie', labelFr: 'Sérigraphie et marquage', kind: 'process' },
  // Textiles and personal protective equipment
  { code: 'confection-textile', labelFr: 'Confection textile', kind: 'process' },
  { code: 'tricotage', labelFr: 'Tricotage', kind: 'equipment' },
  { code: 'enduction-textile', labelFr: 'Enduction et trempage de supports textiles', kind: 'process' },
  { code: 'certification-epi', labelFr: 'Certification des EPI (règlement UE 2016/425, normes EN)', kind: 'skill' },
  // Plastics and metal
  { code: 'injection-plastique', labelFr: 'Injection plastique', kind: 'equipment' },
  { code: 'soufflage-flacons', labelFr: 'Soufflage de flacons', kind: 'equipment' },
  { code: 'extrusion-plastique', labelFr: 'Extrusion plastique', kind: 'equipment' },
  { code: 'soudure', labelFr: 'Soudure', kind: 'skill' },
  { code: 'chaudronnerie', labelFr: 'Chaudronnerie', kind: 'process' },
  // Bulk goods, transport and logistics
  { code: 'stockage-vrac', labelFr: 'Stockage en vrac (hangar, silo)', kind: 'equipment' },
  { code: 'broyage-criblage', labelFr: 'Broyage et criblage', kind: 'equipment' },
  { code: 'transport-poids-lourds', labelFr: 'Transport par poids lourds', kind: 'equipment' },
  { code: 'transport-citerne', labelFr: 'Transport en citerne', kind: 'equipment' },
  { code: 'transport-adr', labelFr: 'Transport de marchandises dangereuses (ADR)', kind: 'skill' },
  { code: 'epandage', labelFr: 'Épandage et salage des routes', kind: 'equipment' },
  { code: 'logistique-entrepot', labelFr: "Logistique d'entrepôt", kind: 'process' },
  { code: 'livraison-multi-sites', labelFr: 'Livraison multi-sites', kind: 'process' },
  { code: 'distribution-catalogue', labelFr: 'Distribution sur catalogue', kind: 'skill' },
  { code: 'stock-deporte', labelFr: 'Gestion de stock déporté chez le client', kind: 'skill' },
  // Food
  { code: 'transformation-alimentaire', labelFr: 'Transformation alimentaire', kind: 'process' },
  { code: 'cuisine-centrale', labelFr: 'Cuisine centrale (liaison froide)', kind: 'equipment' },
  { code: 'haccp', labelFr: 'Maîtrise sanitaire (HACCP)', kind: 'skill' },
  // Cross-cutting
  { code: 'iso-9001', labelFr: 'Système de management de la qualité (ISO 9001)', kind: 'skill' },
  { code: 'insertion-activite-economique', labelFr: "Insertion par l'activité économique", kind: 'skill' },
];
