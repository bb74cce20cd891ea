import { describe, expect, it } from 'vitest';
import { supplierProfileGaps } from './supplier-profile-gaps';

describe('supplierProfileGaps', () => {
  it('asks a new firm for everything', () => {
    expect(supplierProfileGaps(null, null)).toHaveLength(5);
  });

  it('asks nothing of a complete profile', () => {
    const profile = {
      organizationId: 'f',
      nafCodes: [],
      competences: ['distillation'],
      products: [{ cpvCode: '33631600', label: 'Gel', annualCapacity: 1000, unit: 'L' as const }],
      deliveryRadiusKm: 80,
      certifications: [],
      isSme: true,
      description: 'Distillerie',
    };
    expect(supplierProfileGaps(profile, { name: 'Hugo', email: '', phone: '05 45 00 00 00' })).toEqual([]);
    expect(supplierProfileGaps({ ...profile, deliveryRadiusKm: 0 }, { name: '', email: '', phone: '' })).toEqual([
      'Indiquez jusqu’où vous livrez (rayon en km).',
      'Indiquez une personne à contacter.',
    ]);
  });
});
