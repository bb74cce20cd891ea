import {
  Alert,
  Button,
  Group,
  Loader,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CompetenceDto, SupplierDto } from '@mutualis/contract';
import { type FormEvent, useEffect, useState } from 'react';
import { isApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import type { Organization } from '../../api/types';
import { CpvAutocomplete } from '../../needs/cpv-autocomplete';
import { UNIT_LABELS, type UnitCode } from '../../reference/units';

interface Product {
  cpvCode: string;
  label: string;
  annualCapacity: number | '';
  unit: UnitCode;
}

interface ProfileForm {
  description: string;
  competences: string[];
  products: Product[];
  deliveryRadiusKm: number | '';
  certifications: string[];
  nafCodes: string[];
  isSme: boolean;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
}

const EMPTY: ProfileForm = {
  description: '',
  competences: [],
  products: [],
  deliveryRadiusKm: '',
  certifications: [],
  nafCodes: [],
  isSme: true,
  contactName: '',
  contactEmail: '',
  contactPhone: '',
};

function toForm(supplier: SupplierDto): ProfileForm {
  const p = supplier.profile;
  return {
    description: p.description,
    competences: p.competences,
    products: p.products.map((x) => ({ cpvCode: x.cpvCode, label: x.label, annualCapacity: x.annualCapacity ?? '', unit: x.unit })),
    deliveryRadiusKm: p.deliveryRadiusKm,
    certifications: p.certifications,
    nafCodes: p.nafCodes,
    isSme: p.isSme,
    contactName: supplier.contact?.name ?? '',
    contactEmail: supplier.contact?.email ?? '',
    contactPhone: supplier.contact?.phone ?? '',
  };
}

/** A firm's own profile: what it knows how to do, what it can make and how much, how far it delivers, whom to call. */
export default function FirmProfilePage({ organizationId }: { organizationId: string }) {
  const path = `/suppliers/${encodeURIComponent(organizationId)}`;
  const organization = useApi<Organization>(`/organizations/${encodeURIComponent(organizationId)}`);
  const supplier = useApi<SupplierDto>(path);
  const competences = useApi<{ items: CompetenceDto[] }>('/competences');
  const [form, setForm] = useState<ProfileForm | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [gaps, setGaps] = useState<string[]>([]);
  const [isSaving, setIsSaving] = useState(false);

  useEffect(() => {
    if (supplier.data) {
      setForm(toForm(supplier.data));
      setGaps(supplier.data.gaps ?? []);
    } else if (supplier.error?.status === 404) setForm(EMPTY);
  }, [supplier.data, supplier.error]);

  if (supplier.error && supplier.error.status !== 404) return <Alert color="red">{supplier.error.message}</Alert>;
  if (!form) return <Loader aria-label="Chargement du profil" />;
  const set = <K extends keyof ProfileForm>(key: K, value: ProfileForm[K]) => setForm((f) => (f ? { ...f, [key]: value } : f));
  const setProduct = (index: number, patch: Partial<Product>) =>
    set(
      'products',
      form.products.map((p, i) => (i === index ? { ...p, ...patch } : p)),
    );
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setIsSaving(true);
    setErrors({});
    setGeneral([]);
    try {
      const saved = await api.put<SupplierDto>(path, {
        description: form.description,
        competences: form.competences,
        products: form.products.map((p) => ({
          cpvCode: p.cpvCode,
          label: p.label.trim(),
          annualCapacity: p.annualCapacity === '' ? 0 : p.annualCapacity,
          unit: p.unit,
        })),
        deliveryRadiusKm: form.deliveryRadiusKm === '' ? 0 : form.deliveryRadiusKm,
        certifications: form.certifications,
        nafCodes: form.nafCodes,
        isSme: form.isSme,
        contact: { name: form.contactName.trim(), email: form.contactEmail.trim(), phone: form.contactPhone.trim() },
      });
      setGaps(saved.gaps ?? []);
      notifications.show({ color: 'teal', message: 'Profil enregistré.' });
    } catch (caught) {
      if (!isApiError(caught)) setGeneral(['Réessayez dans un instant.']);
      else {
        // Field paths as the server names them: `description`, `products.0.label`, `contact.email`.
        const byPath: Record<string, string> = {};
        for (const issue of caught.issues) {
          byPath[issue.field] ??= issue.reason;
          const head = issue.field.split('.')[0] ?? '';
          byPath[head] ??= issue.reason;
        }
        setErrors(byPath);
        setGeneral(caught.issues.length === 0 ? [caught.message] : []);
      }
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="lg" maw={1100} mx="auto">
        <div>
          <Title order={1}>Profil de l’entreprise</Title>
          <Text c="dimmed">
            {organization.data
              ? `${organization.data.name} · visible par l’animateur et les acheteurs du territoire (sauf vos capacités, réservées à l’animateur)`
              : ' '}
          </Text>
        </div>
        {gaps.length > 0 && (
          <Alert color="teal" title="Il manque encore">
            {gaps.join(' ')}
          </Alert>
        )}
        <Paper withBorder p="md" radius="md">
          <Stack>
            <Title order={2} size="h4">
              Activité et savoir-faire
            </Title>
            <Textarea
              label="Ce que fait votre entreprise"
              autosize
              minRows={3}
              value={form.description}
              onChange={(e) => set('description', e.currentTarget.value)}
              error={errors.description}
            />
            <MultiSelect
              label="Compétences (procédés, savoir-faire)"
              searchable
              data={(competences.data?.items ?? []).map((c) => ({ value: c.code, label: c.labelFr }))}
              value={form.competences}
              onChange={(value) => set('competences', value)}
              error={errors.competences}
              comboboxProps={{ withinPortal: true }}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TagsInput
                label="Certifications et labels"
                description="Validez chacun par Entrée."
                value={form.certifications}
                onChange={(value) => set('certifications', value)}
                error={errors.certifications}
              />
              <TagsInput
                label="Codes NAF"
                description="Ex. 20.41Z"
                value={form.nafCodes}
                onChange={(value) => set('nafCodes', value)}
                error={errors.nafCodes}
              />
            </SimpleGrid>
            <Group align="flex-end" gap="lg">
              <NumberInput
                label="Rayon de livraison (km)"
                min={0}
                max={2000}
                allowDecimal={false}
                value={form.deliveryRadiusKm}
                onChange={(value) => set('deliveryRadiusKm', typeof value === 'number' ? value : '')}
                error={errors.deliveryRadiusKm}
                w={220}
              />
              <Switch
                label="PME au sens européen (moins de 250 salariés)"
                checked={form.isSme}
                onChange={(e) => set('isSme', e.currentTarget.checked)}
              />
            </Group>
          </Stack>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Stack>
            <Group justify="space-between">
              <Title order={2} size="h4">
                Produits et capacités annuelles
              </Title>
              <Button
                variant="light"
                onClick={() => set('products', [...form.products, { cpvCode: '', label: '', annualCapacity: '', unit: 'unit' }])}
              >
                Ajouter un produit
              </Button>
            </Group>
            {form.products.length === 0 && <Text c="dimmed">Indiquez ce que vous produisez ou livrez, et combien par an.</Text>}
            {form.products.map((product, i) => (
              <SimpleGrid
                key={`product-${i.toString()}`}
                cols={{ base: 1, sm: 2, md: 5 }}
                spacing="sm"
                style={{ alignItems: 'flex-start' }}
              >
                <CpvAutocomplete
                  value={product.cpvCode}
                  error={errors[`products.${i}.cpvCode`]}
                  onChange={(code) => setProduct(i, { cpvCode: code })}
                  onPick={(entry) => setProduct(i, { cpvCode: entry.code, label: product.label || entry.labelFr })}
                  isDescriptionBelow
                />
                <TextInput
                  label="Libellé"
                  required
                  value={product.label}
                  onChange={(e) => setProduct(i, { label: e.currentTarget.value })}
                  error={errors[`products.${i}.label`]}
                />
                <NumberInput
                  label="Capacité annuelle"
                  min={0}
                  value={product.annualCapacity}
                  onChange={(value) => setProduct(i, { annualCapacity: typeof value === 'number' ? value : '' })}
                  error={errors[`products.${i}.annualCapacity`]}
                  thousandSeparator=" "
                  decimalSeparator=","
                />
                <Select
                  label="Unité"
                  data={Object.entries(UNIT_LABELS).map(([value, l]) => ({ value, label: l.option }))}
                  value={product.unit}
                  onChange={(value) => setProduct(i, { unit: (value ?? 'unit') as UnitCode })}
                  allowDeselect={false}
                />
                <Button
                  mt={24}
                  variant="subtle"
                  color="red"
                  onClick={() =>
                    set(
                      'products',
                      form.products.filter((_, j) => j !== i),
                    )
                  }
                  aria-label={`Retirer le produit ${i + 1}`}
                >
                  Retirer
                </Button>
              </SimpleGrid>
            ))}
          </Stack>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Stack>
            <Title order={2} size="h4">
              Contact
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label="Personne à contacter"
                autoComplete="name"
                value={form.contactName}
                onChange={(e) => set('contactName', e.currentTarget.value)}
                error={errors['contact.name']}
              />
              <TextInput
                label="E-mail"
                type="email"
                autoComplete="email"
                value={form.contactEmail}
                onChange={(e) => set('contactEmail', e.currentTarget.value)}
                error={errors['contact.email']}
              />
              <TextInput
                label="Téléphone"
                autoComplete="tel"
                value={form.contactPhone}
                onChange={(e) => set('contactPhone', e.currentTarget.value)}
                error={errors['contact.phone']}
              />
            </SimpleGrid>
          </Stack>
        </Paper>
        {general.length > 0 && <Alert color="red">{general.join(' ')}</Alert>}
        <Group justify="flex-end">
          <Button type="submit" loading={isSaving}>
            Enregistrer le profil
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
