import { Modal, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { RunningContractDto } from '@mutualis/contract';
import { useState } from 'react';
import { api } from '../../api/client';
import { FrenchDateInput } from '../../dates/french-date-input';
import { FormActions } from '../../forms/form-actions';
import { useApiForm } from '../../forms/use-api-form';
import { centsToEuros, eurosToCents } from '../../format/money';
import { CpvAutocomplete } from '../../needs/cpv-autocomplete';

type Field =
  | 'reference'
  | 'label'
  | 'cpvCode'
  | 'holderName'
  | 'holderSiret'
  | 'notificationDate'
  | 'startDate'
  | 'durationMonths'
  | 'renewalCount'
  | 'renewalMonths'
  | 'renewalsUsed'
  | 'noticeMonths'
  | 'amountCents'
  | 'nature';
const FIELDS: readonly string[] = [
  'reference',
  'label',
  'cpvCode',
  'holderName',
  'holderSiret',
  'notificationDate',
  'startDate',
  'durationMonths',
  'renewalCount',
  'renewalMonths',
  'renewalsUsed',
  'noticeMonths',
  'amountCents',
  'nature',
];

interface FormValues {
  reference: string;
  label: string;
  cpvCode: string;
  holderName: string;
  holderSiret: string;
  notificationDate: string;
  startDate: string;
  durationMonths: number | '';
  renewalCount: number | '';
  renewalMonths: number | '';
  renewalsUsed: number | '';
  noticeMonths: number | '';
  amountEuros: number | '';
  nature: 'marche' | 'accord_cadre';
}

function toForm(c: RunningContractDto | null): FormValues {
  return {
    reference: c?.reference ?? '',
    label: c?.label ?? '',
    cpvCode: c?.cpvCode ?? '',
    holderName: c?.holderName ?? '',
    holderSiret: c?.holderSiret ?? '',
    notificationDate: c?.notificationDate ?? '',
    startDate: c?.startDate ?? '',
    durationMonths: c?.durationMonths ?? '',
    renewalCount: c?.renewalCount ?? 0,
    renewalMonths: c?.renewalMonths ?? 0,
    renewalsUsed: c?.renewalsUsed ?? 0,
    noticeMonths: c?.noticeMonths ?? 0,
    amountEuros: centsToEuros(c?.amountCents ?? null) ?? '',
    nature: c?.nature ?? 'marche',
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
const orZero = (value: number | '') => (value === '' ? 0 : value);

interface ContractFormModalProps {
  organizationId: string;
  /** `undefined`: closed; `null`: a new contract; a contract: edit it. */
  contract: RunningContractDto | null | undefined;
  onClose: () => void;
  onSaved: (contract: RunningContractDto) => void;
}

/** A running contract: its dates, renewals and notice decide when the organization can join a groupement. */
export function ContractFormModal({ organizationId, contract, onClose, onSaved }: ContractFormModalProps) {
  return (
    <Modal
      opened={contract !== undefined}
      onClose={onClose}
      title={contract ? 'Modifier le contrat' : 'Ajouter un contrat en cours'}
      size="xl"
      closeButtonProps={{ 'aria-label': 'Fermer' }}
    >
      {contract !== undefined && (
        <ContractForm
          key={contract?.id ?? 'new'}
          organizationId={organizationId}
          contract={contract}
          onCancel={onClose}
          onSaved={onSaved}
        />
      )}
    </Modal>
  );
}

function ContractForm({
  organizationId,
  contract,
  onCancel,
  onSaved,
}: {
  organizationId: string;
  contract: RunningContractDto | null;
  onCancel: () => void;
  onSaved: (c: RunningContractDto) => void;
}) {
  const [v, setValues] = useState<FormValues>(() => toForm(contract));
  const { errors, general, isSaving, submitWith } = useApiForm<Field>({ fieldFor: (f) => (FIELDS.includes(f) ? (f as Field) : null) });
  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => setValues((current) => ({ ...current, [key]: value }));
  const submit = submitWith(async () => {
    const body = {
      reference: v.reference.trim(),
      label: v.label.trim(),
      cpvCode: v.cpvCode.trim(),
      holderName: orNull(v.holderName),
      holderSiret: orNull(v.holderSiret.replace(/\s/g, '')),
      notificationDate: orNull(v.notificationDate),
      startDate: v.startDate,
      durationMonths: v.durationMonths === '' ? undefined : v.durationMonths,
      renewalCount: orZero(v.renewalCount),
      renewalMonths: orZero(v.renewalMonths),
      renewalsUsed: orZero(v.renewalsUsed),
      noticeMonths: orZero(v.noticeMonths),
      amountCents: eurosToCents(v.amountEuros === '' ? null : v.amountEuros),
      nature: v.nature,
    };
    const saved = contract
      ? await api.patch<RunningContractDto>(`/contracts/${encodeURIComponent(contract.id)}`, body)
      : await api.post<RunningContractDto>('/contracts', { organizationId, ...body });
    onSaved(saved);
  });
  const months = (
    key: 'durationMonths' | 'renewalCount' | 'renewalMonths' | 'renewalsUsed' | 'noticeMonths',
    label: string,
    required = false,
  ) => (
    <NumberInput
      label={label}
      required={required}
      min={0}
      allowDecimal={false}
      value={v[key]}
      onChange={(value) => set(key, typeof value === 'number' ? value : '')}
      error={errors[key]}
    />
  );
  return (
    <form onSubmit={submit}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Référence du contrat"
            required
            value={v.reference}
            onChange={(e) => set('reference', e.currentTarget.value)}
            error={errors.reference}
          />
          <Select
            label="Nature"
            data={[
              { value: 'marche', label: 'Marché' },
              { value: 'accord_cadre', label: 'Accord-cadre' },
            ]}
            value={v.nature}
            onChange={(value) => set('nature', value === 'accord_cadre' ? 'accord_cadre' : 'marche')}
            allowDeselect={false}
          />
        </SimpleGrid>
        <TextInput label="Objet" required value={v.label} onChange={(e) => set('label', e.currentTarget.value)} error={errors.label} />
        <CpvAutocomplete
          value={v.cpvCode}
          error={errors.cpvCode}
          onChange={(code) => set('cpvCode', code)}
          onPick={(entry) => set('cpvCode', entry.code)}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Titulaire"
            value={v.holderName}
            onChange={(e) => set('holderName', e.currentTarget.value)}
            error={errors.holderName}
          />
          <TextInput
            label="SIRET du titulaire"
            value={v.holderSiret}
            onChange={(e) => set('holderSiret', e.currentTarget.value)}
            error={errors.holderSiret}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <FrenchDateInput
            label="Notification"
            value={v.notificationDate}
            onChange={(value) => set('notificationDate', value)}
            error={errors.notificationDate}
            clearable
          />
          <FrenchDateInput
            label="Début d’exécution"
            value={v.startDate}
            onChange={(value) => set('startDate', value)}
            error={errors.startDate}
          />
          {months('durationMonths', 'Durée initiale (mois)', true)}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          {months('renewalCount', 'Reconductions prévues')}
          {months('renewalMonths', 'Durée d’une reconduction (mois)')}
          {months('renewalsUsed', 'Reconductions exercées')}
          {months('noticeMonths', 'Préavis (mois)')}
        </SimpleGrid>
        <NumberInput
          label="Montant total HT (€)"
          description="Sur toute la durée ; le maximum pour un accord-cadre."
          min={0}
          decimalScale={2}
          decimalSeparator=","
          thousandSeparator=" "
          value={v.amountEuros}
          onChange={(value) => set('amountEuros', typeof value === 'number' ? value : '')}
          error={errors.amountCents}
        />
        <FormActions isSaving={isSaving} onCancel={onCancel} generalErrors={general} />
      </Stack>
    </form>
  );
}
