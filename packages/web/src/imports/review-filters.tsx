import { SegmentedControl, TextInput } from '@mantine/core';

export type ReviewScope = 'toReview' | 'all';

/** « À vérifier (n) » or « Tous (m) »: what is still to look at, or everything (the counts once known). */
export function ReviewScopeControl({
  value,
  onChange,
  counts,
}: {
  value: ReviewScope;
  onChange: (scope: ReviewScope) => void;
  counts: { toReview: number; all: number } | null;
}) {
  const counted = (label: string, n: number | undefined) => (n === undefined ? label : `${label} (${n.toLocaleString('fr-FR')})`);
  return (
    <SegmentedControl
      value={value}
      onChange={(next) => onChange(next === 'all' ? 'all' : 'toReview')}
      data={[
        { value: 'toReview', label: counted('À vérifier', counts?.toReview) },
        { value: 'all', label: counted('Tous', counts?.all) },
      ]}
    />
  );
}

/** The search field of a review list. */
export function ReviewSearchInput({
  value,
  onChange,
  placeholder,
}: {
  value: string;
  onChange: (text: string) => void;
  placeholder: string;
}) {
  return (
    <TextInput
      label="Rechercher"
      placeholder={placeholder}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      w={260}
      maw="100%"
    />
  );
}
