import { FormModal } from '../forms/form-modal';
import { EMPTY_FAMILY, familyToForm } from './family-form-values';
import { FamilyForm } from './family-form';
import type { PurchaseFamily } from './family-types';

interface FamilyFormModalProps {
  slug: string;
  /** `undefined`: closed; `null`: new family; a family: edit it. */
  family: PurchaseFamily | null | undefined;
  onClose: () => void;
  onSaved: (family: PurchaseFamily, isNew: boolean) => void;
}

export function FamilyFormModal({ slug, family, onClose, onSaved }: FamilyFormModalProps) {
  const isOpen = family !== undefined;
  return (
    <FormModal opened={isOpen} onClose={onClose} title={family ? 'Modifier la famille d’achat' : 'Ajouter une famille d’achat'} size="lg">
      {() => (
        <FamilyForm
          key={family?.id ?? 'new'}
          slug={slug}
          initial={family ? familyToForm(family) : EMPTY_FAMILY}
          familyId={family?.id ?? null}
          onCancel={onClose}
          onSaved={(saved) => onSaved(saved, family === null)}
        />
      )}
    </FormModal>
  );
}
