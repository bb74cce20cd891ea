import { describe, expect, it } from 'vitest';
import { classifyPurchaseNature } from './purchase-nature';

describe('classifyPurchaseNature', () => {
  it.each([
    ['30192000', 'supply', 'office supplies (division 30)'],
    ['34927100', 'supply', 'road salt: road supplies (34.92), not a vehicle'],
    ['34350000', 'supply', 'tyres (34.35): parts and consumables'],
    ['48000000', 'supply', 'software packages (48)'],
    ['34110000', 'equipment', 'cars (34.1)'],
    ['42410000', 'equipment', 'lifting equipment (42)'],
    ['38430000', 'equipment', 'detection instruments (38)'],
    ['66516400', 'service', 'insurance (66)'],
    ['90910000', 'service', 'cleaning (90.91)'],
    ['71630000', 'service', 'periodic technical checks (71.63)'],
    ['71900000', 'service', 'laboratory services (71.9)'],
    ['79341000', 'service', 'advertising (79.34), not a study'],
    ['45233140', 'works', 'road works (45)'],
    ['90650000', 'works', 'asbestos removal (90.65)'],
    ['71240000', 'intellectual', 'architecture and engineering (71.2)'],
    ['71310000', 'intellectual', 'engineering consultancy (71.3)'],
    ['79311000', 'intellectual', 'market studies (79.31)'],
    ['79411000', 'intellectual', 'management consulting (79.4)'],
    ['73110000', 'intellectual', 'research (73)'],
    ['71000000', 'intellectual', 'the division code itself, used for project management'],
    ['79952000', 'intellectual', 'event organisation (79.95)'],
  ])('classifies %s as %s (%s)', (code, nature) => {
    expect(classifyPurchaseNature(code)).toBe(nature);
  });

  it('reads a code with its check digit', () => {
    expect(classifyPurchaseNature('45233140-2')).toBe('works');
  });
});
