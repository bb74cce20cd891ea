import { Modal, type ModalProps } from '@mantine/core';
import type { ReactNode } from 'react';

export interface FormModalProps {
  opened: boolean;
  title: string;
  size: ModalProps['size'];
  onClose: () => void;
  /** The form, made only while the modal is open (it starts from its initial values each time). */
  children: () => ReactNode;
}

/** A centred modal holding an add or edit form. */
export function FormModal({ opened, title, size, onClose, children }: FormModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} centered closeButtonProps={{ 'aria-label': 'Fermer' }}>
      {opened && children()}
    </Modal>
  );
}
