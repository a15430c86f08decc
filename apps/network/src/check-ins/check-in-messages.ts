/**
 * The front desk's sentences in French (the default) as well as English. Results are stored with
 * their English sentence (a repeated idempotency key answers the same result); the desk's language is
 * chosen when a result is read, from the request's Accept-Language.
 */
const FRENCH: Record<string, string> = {
  'Welcome! Checked in for the day.': 'Bienvenue ! Entrée enregistrée pour la journée.',
  'Already checked in here today: welcome back, nothing more is charged.':
    'Déjà entré ici aujourd’hui : bon retour, rien de plus n’est compté.',
  'This code is not a valid pass of any network here.': 'Ce code n’est un pass valable d’aucun réseau ici.',
  'This QR code has expired: ask the holder to show a fresh one.':
    'Ce QR code a expiré : demandez à la personne d’en afficher un nouveau.',
  'This pass is revoked or past its end date.': 'Ce pass est révoqué ou a dépassé sa date de fin.',
  "This space does not currently accept this pass's network.":
    'Cet espace n’accepte pas en ce moment le réseau de ce pass.',
  'This pass has no coupons or credits left for a day here.':
    'Ce pass n’a plus assez de coupons ou de crédits pour une journée ici.',
  "This pass has used all of this month's days.": 'Ce pass a utilisé tous les jours de ce mois.',
  "All of today's nomad seats for this network are taken.":
    'Toutes les places nomades du jour pour ce réseau sont prises.',
  'This scan is more than 35 days old or in the future, and cannot be recorded.':
    'Ce scan date de plus de 35 jours ou est dans le futur : il ne peut pas être enregistré.',
  'Too many unknown pass codes were typed on this device in the last minute: scan the QR code, or type the serial again in a minute.':
    'Trop de codes inconnus ont été saisis sur cet appareil depuis une minute : scannez le QR code, ou ressaisissez le numéro dans une minute.',
};

export type DeskLocale = 'fr' | 'en';

/** fr or en from an Accept-Language header, in the client's order of preference; fr when neither. */
export function deskLocale(acceptLanguage: string | undefined): DeskLocale {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
      return { language: tag.split('-')[0], q: q ? Number(q[1]) : 1, index };
    })
    .filter((entry) => (entry.language === 'fr' || entry.language === 'en') && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (ranked[0]?.language as DeskLocale | undefined) ?? 'fr';
}

export function deskMessage(message: string, locale: DeskLocale): string {
  return locale === 'fr' ? (FRENCH[message] ?? message) : message;
}
