/** What each cited article of the Code de la commande publique says, in a few words. */
const ARTICLE_NOTES: Record<string, string> = {
  'R2121-1': 'valeur estimée : tous les besoins du groupement, reconductions comprises',
  'R2121-8': 'accord-cadre : sa valeur est son maximum',
  'R2122-8': 'dispense de publicité et de mise en concurrence sous le seuil',
  'R2123-1': 'procédure adaptée (MAPA) sous les seuils européens',
  'R2131-12': 'publicité des MAPA : BOAMP ou journal d’annonces légales au-delà de 90 000 € HT',
  'L2124-1': 'procédure formalisée au-delà des seuils européens',
  'R2124-1': 'procédures formalisées possibles',
  'R2124-2': 'appel d’offres ouvert ou restreint',
  'R2131-16': 'avis au BOAMP et au JOUE',
};

export function articleNote(article: string): string | null {
  return ARTICLE_NOTES[article] ?? null;
}
