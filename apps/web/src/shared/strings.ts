import { pick } from './i18n';

/** Labels every page shares. The English ones are the accessible names the tests and docs use. */
export const common = pick({
  fr: {
    email: 'E-mail',
    password: 'Mot de passe',
    logIn: 'Se connecter',
    logOut: 'Se déconnecter',
    otherLanguage: 'English',
    otherLang: 'en' as const,
    loading: 'Chargement…',
    offline: 'Hors ligne',
    unreachable: 'Le serveur ne répond pas. Vérifiez la connexion.',
    home: 'Accueil',
  },
  en: {
    email: 'Email',
    password: 'Password',
    logIn: 'Log in',
    logOut: 'Log out',
    otherLanguage: 'Français',
    otherLang: 'fr' as const,
    loading: 'Loading…',
    offline: 'Offline',
    unreachable: 'The server does not answer. Check the connection.',
    home: 'Home',
  },
});
