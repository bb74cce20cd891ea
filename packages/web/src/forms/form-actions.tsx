import { Alert, Button, Group } from '@mantine/core';

export interface FormActionsProps {
  isSaving: boolean;
  onCancel: () => void;
  /** Errors not tied to a field, shown above the buttons when there are some. */
  generalErrors?: readonly string[];
  /** The title of those errors (null: none). */
  errorTitle?: string | null;
  submitLabel?: string;
}

/** The end of an edit form: errors not tied to a field, then « Annuler » and « Enregistrer » (or `submitLabel`). */
export function FormActions({
  isSaving,
  onCancel,
  generalErrors = [],
  errorTitle = 'Enregistrement impossible',
  submitLabel = 'Enregistrer',
}: FormActionsProps) {
  return (
    <>
      {generalErrors.length > 0 && (
        <Alert color="red" title={errorTitle ?? undefined}>
          {generalErrors.join(' ')}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Annuler
        </Button>
        <Button type="submit" loading={isSaving}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
