import { Alert, Button, Group } from '@mantine/core';

export interface FormActionsProps {
  isSaving: boolean;
  onCancel: () => void;
  /** Errors not tied to a field, shown above the buttons when there are some. */
  generalErrors?: readonly string[];
}

/** The end of an edit form: errors not tied to a field, then « Annuler » and « Enregistrer ». */
export function FormActions({ isSaving, onCancel, generalErrors = [] }: FormActionsProps) {
  return (
    <>
      {generalErrors.length > 0 && (
        <Alert color="red" title="Enregistrement impossible">
          {generalErrors.join(' ')}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Annuler
        </Button>
        <Button type="submit" loading={isSaving}>
          Enregistrer
        </Button>
      </Group>
    </>
  );
}
