import { describe, expect, it } from 'vitest';
import { nameWithArticleFr, ofNameFr, toNameFr } from './name-with-article-fr';

describe('contractions with an organisation name', () => {
  it.each([
    // name, « de » + name, « à » + name, name with its article
    ['Département du Bas-Rhin', 'du Département du Bas-Rhin', 'au Département du Bas-Rhin', 'le Département du Bas-Rhin'],
    ['Commune de Colmar', 'de la Commune de Colmar', 'à la Commune de Colmar', 'la Commune de Colmar'],
    ['Ville de Cognac', 'de la Ville de Cognac', 'à la Ville de Cognac', 'la Ville de Cognac'],
    ['Hôpital civil de Guebwiller', 'de l’Hôpital civil de Guebwiller', 'à l’Hôpital civil de Guebwiller', 'l’Hôpital civil de Guebwiller'],
    ['Hospices civils de Lyon', 'des Hospices civils de Lyon', 'aux Hospices civils de Lyon', 'les Hospices civils de Lyon'],
    [
      'Hôpitaux universitaires de Strasbourg',
      'des Hôpitaux universitaires de Strasbourg',
      'aux Hôpitaux universitaires de Strasbourg',
      'les Hôpitaux universitaires de Strasbourg',
    ],
    ['Eurométropole de Strasbourg', 'de l’Eurométropole de Strasbourg', 'à l’Eurométropole de Strasbourg', 'l’Eurométropole de Strasbourg'],
    [
      'Centre hospitalier d’Angoulême',
      'du Centre hospitalier d’Angoulême',
      'au Centre hospitalier d’Angoulême',
      'le Centre hospitalier d’Angoulême',
    ],
    ['CCAS de Mulhouse', 'du CCAS de Mulhouse', 'au CCAS de Mulhouse', 'le CCAS de Mulhouse'],
    // Proper names take no article; « de » elides before a vowel.
    ['Colmar Agglomération', 'de Colmar Agglomération', 'à Colmar Agglomération', 'Colmar Agglomération'],
    ['GrandAngoulême', 'de GrandAngoulême', 'à GrandAngoulême', 'GrandAngoulême'],
    ['Alsace Toner Solidaire', 'd’Alsace Toner Solidaire', 'à Alsace Toner Solidaire', 'Alsace Toner Solidaire'],
    // A name merely starting like a head noun is not one: « Départementale » is no « Département ».
    ['Départementale Services', 'de Départementale Services', 'à Départementale Services', 'Départementale Services'],
  ])('%s', (name, of, to, withArticle) => {
    expect(ofNameFr(name)).toBe(of);
    expect(toNameFr(name)).toBe(to);
    expect(nameWithArticleFr(name)).toBe(withArticle);
  });
});
