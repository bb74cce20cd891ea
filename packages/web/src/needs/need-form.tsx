import { Alert, List, Stack } from '@mantine/core';
import { FormActions } from '../forms/form-actions';
import type { FormEvent } from 'react';
import type { Need } from '../api/types';
import { NeedFormFields } from './need-form-fields';
import { EMPTY_NEED_FORM, formValuesFromNeed } from './need-form-values';
import { useNeedForm } from './use-need-form';

interface NeedFormProps {
  need: Need | null;
  organizationId: string;
  cpvLabel: string | null;
  onCancel: () => void;
  onSaved: (need: Need) => void;
}

export function NeedForm({ need, organizationId, cpvLabel, onCancel, onSaved }: NeedFormProps) {
  const form = useNeedForm({
    initial: need ? formValuesFromNeed(need) : EMPTY_NEED_FORM,
    organizationId,
    needId: need?.id ?? null,
    onSaved,
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.submit();
  };
  const hasFieldErrors = Object.keys(form.errors.byField).length > 0;
  return (
    <form onSubmit={submit} noValidate aria-label={need ? 'Modifier le besoin' : 'Ajouter un besoin'}>
      <Stack>
        <NeedFormFields values={form.values} errors={form.errors.byField} cpvLabel={cpvLabel} setField={form.setField} />
        {(form.errors.general.length > 0 || hasFieldErrors) && (
          <Alert color="red" role="alert" py="xs">
            Le besoin n’a pas été enregistré : {form.errors.general.length > 0 ? '' : 'corrigez les champs signalés en rouge.'}
            {form.errors.general.length > 0 && (
              <List size="sm">
                {form.errors.general.map((message) => (
                  <List.Item key={message}>{message}</List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
        <FormActions isSaving={form.isSaving} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
