import type { Need } from '../api/types';
import { FormModal } from '../forms/form-modal';
import { NeedForm } from './need-form';

interface NeedFormModalProps {
  /** `undefined`: closed; `null`: new need; a need: edit it. */
  need: Need | null | undefined;
  organizationId: string;
  cpvLabel: (code: string) => string | null;
  onClose: () => void;
  onSaved: (need: Need, isNew: boolean) => void;
}

export function NeedFormModal({ need, organizationId, cpvLabel, onClose, onSaved }: NeedFormModalProps) {
  const isOpen = need !== undefined;
  return (
    <FormModal opened={isOpen} onClose={onClose} title={need ? 'Modifier le besoin' : 'Ajouter un besoin'} size="xl">
      {() => (
        <NeedForm
          key={need?.id ?? 'new'}
          need={need ?? null}
          organizationId={organizationId}
          cpvLabel={need ? cpvLabel(need.cpvCode) : null}
          onCancel={onClose}
          onSaved={(saved) => onSaved(saved, need === null)}
        />
      )}
    </FormModal>
  );
}
