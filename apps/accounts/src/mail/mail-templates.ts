import type { Locale } from '../users/locale';

/** What a mail says, before it is addressed: plain text, simple HTML, and its links in order. */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
  links: string[];
}

export type MailKind =
  | { kind: 'verify'; link: string }
  | { kind: 'role'; role: 'NETWORK_ADMIN' | 'SPACE_OPERATOR'; scopeName: string; link: string; invitation: boolean }
  | { kind: 'pass'; productName: string; serial: string; link: string; invitation: boolean }
  | { kind: 'reset'; link: string }
  | { kind: 'signUpAttempt'; link: string };

interface Wording {
  subject: string;
  lines: string[];
  action: string;
  footer: string;
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Every sentence of every mail, in each language. */
function wording(mail: MailKind, locale: Locale): Wording {
  const fr = locale === 'fr';
  switch (mail.kind) {
    case 'verify':
      return fr
        ? {
            subject: 'Confirmez votre adresse',
            lines: [
              'Pour confirmer que cette adresse est bien la vôtre, ouvrez ce lien en étant connecté à Passerelle.',
            ],
            action: 'Confirmer mon adresse',
            footer: 'Le lien est valable 48 heures. Si vous n’avez pas créé de compte, ignorez ce message.',
          }
        : {
            subject: 'Confirm your address',
            lines: ['To confirm that this address is yours, open this link while logged in to Passerelle.'],
            action: 'Confirm my address',
            footer: 'The link is valid for 48 hours. If you did not create an account, ignore this message.',
          };
    case 'role': {
      const what =
        mail.role === 'NETWORK_ADMIN'
          ? fr
            ? `administrateur du réseau ${mail.scopeName}`
            : `admin of the network ${mail.scopeName}`
          : fr
            ? `opérateur de l’espace ${mail.scopeName}`
            : `operator of the space ${mail.scopeName}`;
      return fr
        ? {
            subject: `Vous êtes invité comme ${what}`,
            lines: [`Vous êtes invité comme ${what} sur Passerelle.`],
            action: mail.invitation ? 'Accepter l’invitation' : 'Ouvrir Passerelle',
            footer: mail.invitation
              ? 'Le lien est valable 14 jours. Si vous ne vous attendiez pas à ce message, ignorez-le.'
              : 'Si vous ne vous attendiez pas à ce message, ignorez-le.',
          }
        : {
            subject: `You are invited as ${what}`,
            lines: [`You are invited as ${what} on Passerelle.`],
            action: mail.invitation ? 'Accept the invitation' : 'Open Passerelle',
            footer: mail.invitation
              ? 'The link is valid for 14 days. If you did not expect this message, ignore it.'
              : 'If you did not expect this message, ignore it.',
          };
    }
    case 'pass':
      return fr
        ? {
            subject: `Votre pass ${mail.productName}`,
            lines: [
              `Un pass ${mail.productName} (numéro ${mail.serial}) vous a été délivré.`,
              'À l’accueil d’un espace du réseau, montrez son QR code : il est dans « Mes pass » une fois connecté, et fonctionne aussi hors ligne.',
            ],
            action: 'Voir mon pass',
            footer: mail.invitation
              ? 'Si vous n’avez pas encore de compte, le lien permet d’en créer un pendant 14 jours.'
              : 'Le pass est déjà dans votre compte.',
          }
        : {
            subject: `Your ${mail.productName} pass`,
            lines: [
              `A ${mail.productName} pass (serial ${mail.serial}) was issued to you.`,
              'At the front desk of any space of the network, show its QR code: it is in "My passes" once logged in, and works offline too.',
            ],
            action: 'See my pass',
            footer: mail.invitation
              ? 'If you have no account yet, the link lets you create one for 14 days.'
              : 'The pass is already in your account.',
          };
    case 'reset':
      return fr
        ? {
            subject: 'Réinitialisez votre mot de passe',
            lines: ['Pour choisir un nouveau mot de passe, ouvrez ce lien.'],
            action: 'Choisir un mot de passe',
            footer:
              'Le lien est valable 1 heure. Toutes vos sessions seront fermées. Si vous n’avez rien demandé, ignorez ce message.',
          }
        : {
            subject: 'Reset your password',
            lines: ['To choose a new password, open this link.'],
            action: 'Choose a password',
            footer:
              'The link is valid for 1 hour. All your sessions will end. If you did not ask, ignore this message.',
          };
    case 'signUpAttempt':
      return fr
        ? {
            subject: 'Quelqu’un a voulu créer un compte avec votre adresse',
            lines: [
              'Quelqu’un a voulu créer un compte Passerelle avec votre adresse, qui en a déjà un.',
              'Si c’était vous, connectez-vous, ou choisissez un nouveau mot de passe depuis la page de connexion.',
            ],
            action: 'Se connecter',
            footer: 'Sinon, rien à faire : votre compte n’a pas changé.',
          }
        : {
            subject: 'Someone tried to sign up with your address',
            lines: [
              'Someone tried to create a Passerelle account with your address, which already has one.',
              'If it was you, log in, or choose a new password from the log-in page.',
            ],
            action: 'Log in',
            footer: 'Otherwise there is nothing to do: your account has not changed.',
          };
  }
}

/** The mail in the recipient's language: text and HTML say the same, with no tracking of any kind. */
export function renderMail(mail: MailKind, locale: Locale): MailContent {
  const w = wording(mail, locale);
  const colon = locale === 'fr' ? '\u00a0:' : ':';
  const text = [...w.lines, '', `${w.action}${colon} ${mail.link}`, '', w.footer].join('\n');
  const html = [
    `<!doctype html><html lang="${locale}"><body>`,
    ...w.lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p><a href="${escapeHtml(mail.link)}">${escapeHtml(w.action)}</a></p>`,
    `<p><small>${escapeHtml(w.footer)}</small></p>`,
    '</body></html>',
  ].join('\n');
  return { subject: w.subject, text, html, links: [mail.link] };
}
