import { Modal } from '@mantine/core';
import type { Need } from '../api/types';
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
    <Modal
      opened={isOpen}
      onClose={onClose}
      title={need ? 'Modifier le besoin' : 'Ajouter un besoin'}
      size="xl"
      centered
      closeButtonProps={{ 'aria-label': 'Fermer' }}
    >
      {isOpen && (
        <NeedForm
          key={need?.id ?? 'new'}
          need={need}
          organizationId={organizationId}
          cpvLabel={need ? cpvLabel(need.cpvCode) : null}
          onCancel={onClose}
          onSaved={(saved) => onSaved(saved, need === null)}
        />
      )}
    </Modal>
  );
}
