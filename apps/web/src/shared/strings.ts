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

/** The account's pages (sign up, verify, reset), shared by the wallet and the console. */
export const account = pick({
  fr: {
    name: 'Nom affiché',
    signUp: 'Créer mon compte',
    passwordHint: '10 caractères au moins.',
    invited: 'Vous êtes invité·e : créez votre compte avec cette adresse, elle est confirmée par le lien.',
    unverifiedTitle: 'Adresse à confirmer',
    checkMailbox: (email: string) =>
      `Consultez votre boîte mail : ouvrez le lien envoyé à ${email} pour confirmer l'adresse. Ce qui lui a été attribué (pass, rôles) apparaît ensuite.`,
    resend: 'Renvoyer le lien',
    sent: 'Un nouveau lien est parti.',
    logInToVerify: 'Connectez-vous au compte auquel ce lien a été envoyé : son adresse sera alors confirmée.',
    verified: 'Votre adresse est confirmée.',
    otherAccount: 'Un lien ne confirme que le compte auquel il a été envoyé.',
    continue: 'Continuer',
    forgot: 'Mot de passe oublié',
    forgotIntro: 'Indiquez votre adresse : un lien pour choisir un nouveau mot de passe vous sera envoyé.',
    sendResetLink: 'Envoyer le lien',
    resetSent: 'Si un compte a cette adresse, un lien vient de lui être envoyé (valable 1 heure).',
    newPassword: 'Nouveau mot de passe',
    setPassword: 'Enregistrer le mot de passe',
  },
  en: {
    name: 'Display name',
    signUp: 'Create my account',
    passwordHint: 'At least 10 characters.',
    invited: 'You are invited: create your account with this address; the link confirms it.',
    unverifiedTitle: 'Address to confirm',
    checkMailbox: (email: string) =>
      `Check your mailbox: open the link sent to ${email} to confirm the address. What was granted to it (passes, roles) appears then.`,
    resend: 'Send the link again',
    sent: 'A new link is on its way.',
    logInToVerify: 'Log in to the account this link was sent to: its address is then confirmed.',
    verified: 'Your address is confirmed.',
    otherAccount: 'A link confirms only the account it was sent to.',
    continue: 'Continue',
    forgot: 'Forgot password',
    forgotIntro: 'Enter your address: a link to choose a new password will be sent to it.',
    sendResetLink: 'Send the link',
    resetSent: 'If an account has this address, a link has just been sent to it (valid 1 hour).',
    newPassword: 'New password',
    setPassword: 'Save the password',
  },
});
