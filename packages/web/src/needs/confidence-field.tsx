import { Input, SegmentedControl } from '@mantine/core';
import type { NeedConfidence } from '../api/types';
import { CONFIDENCE_HINTS, CONFIDENCE_LABELS } from '../reference/labels';

interface ConfidenceFieldProps {
  value: NeedConfidence;
  error?: string;
  onChange: (value: NeedConfidence) => void;
}

const CONFIDENCES: NeedConfidence[] = ['firm', 'estimated', 'indicative'];

function isConfidence(value: string): value is NeedConfidence {
  return (CONFIDENCES as string[]).includes(value);
}

export function ConfidenceField({ value, error, onChange }: ConfidenceFieldProps) {
  return (
    <Input.Wrapper
      label="Fiabilité de la prévision"
      description={CONFIDENCE_HINTS[value]}
      error={error}
      id="need-confidence"
      inputWrapperOrder={['label', 'input', 'description', 'error']}
    >
      <SegmentedControl
        fullWidth
        aria-labelledby="need-confidence-label"
        value={value}
        onChange={(next) => isConfidence(next) && onChange(next)}
        data={CONFIDENCES.map((confidence) => ({ value: confidence, label: CONFIDENCE_LABELS[confidence] }))}
        mb={4}
      />
    </Input.Wrapper>
  );
}
