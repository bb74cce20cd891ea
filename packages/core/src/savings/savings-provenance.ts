import type { SavingsCalibration } from './savings-calibrations';
import {
  EVIDENCE_MEASURE_LABELS,
  type EvidenceSource,
  evidenceSource,
  SAVINGS_EVIDENCE_CHECKED_ON,
  SAVINGS_EVIDENCE_VERSION,
} from './savings-evidence';

/** A cited source as shown with an estimate: what it found and how it was measured. */
export type CitedSource = EvidenceSource & { measureLabel: string };

/** Where a savings figure comes from, in words a buyer can quote. */
export interface SavingsProvenance {
  evidenceVersion: string;
  checkedOn: string;
  calibrationId: string;
  /** Segment name (« Papier de reprographie », « Achats mutualisés en général »…). */
  segment: string;
  kind: SavingsCalibration['kind'];
  range: SavingsCalibration['range'];
  rationale: string;
  benefit: string | null;
  sources: CitedSource[];
}

/** The provenance of a calibration: its published range, why, and each source with what it measured. */
export function savingsProvenance(calibration: SavingsCalibration): SavingsProvenance {
  return {
    evidenceVersion: SAVINGS_EVIDENCE_VERSION,
    checkedOn: SAVINGS_EVIDENCE_CHECKED_ON,
    calibrationId: calibration.id,
    segment: calibration.label,
    kind: calibration.kind,
    range: calibration.range,
    rationale: calibration.rationale,
    benefit: calibration.benefit,
    sources: calibration.sourceIds.map((id) => {
      const source = evidenceSource(id);
      return { ...source, measureLabel: EVIDENCE_MEASURE_LABELS[source.measure] };
    }),
  };
}
