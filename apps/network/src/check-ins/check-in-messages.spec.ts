import { REJECTION_MESSAGES } from './check-in-outcome';
import { deskLocale, deskMessage } from './check-in-messages';

describe("the front desk's language", () => {
  it('follows Accept-Language between fr and en, French by default', () => {
    expect(deskLocale(undefined)).toBe('fr');
    expect(deskLocale('en-GB,en;q=0.9')).toBe('en');
    expect(deskLocale('de-DE, en;q=0.5, fr;q=0.8')).toBe('fr');
    expect(deskLocale('fr;q=0, en;q=0.1')).toBe('en');
    expect(deskLocale('es, *')).toBe('fr');
  });

  it('has every rejection sentence in French', () => {
    for (const message of Object.values(REJECTION_MESSAGES)) {
      expect(deskMessage(message, 'fr')).not.toBe(message);
      expect(deskMessage(message, 'en')).toBe(message);
    }
  });
});
