import { formatDateFr, ofNameFr } from '@mutualis/core';
import type { MailMessage } from './mailer';

/** The French e-mails Mutualis sends. Each names who sent it and why, and gives the one link to follow. */

const SIGNATURE =
  '\n\n—\nMutualis, l’atelier des achats publics mutualisés du territoire.\nSi vous n’attendiez pas ce message, ignorez-le.';

function expiry(expiresAt: string): string {
  return formatDateFr(expiresAt.slice(0, 10));
}

export function invitationMessage(input: {
  to: string;
  name: string;
  invitedBy: string;
  what: string;
  url: string;
  expiresAt: string;
}): MailMessage {
  return {
    to: input.to,
    subject: 'Votre accès à Mutualis',
    text:
      `Bonjour ${input.name},\n\n${input.invitedBy} vous invite sur Mutualis ${input.what}.\n\n` +
      `Choisissez votre mot de passe en ouvrant ce lien (valable jusqu’au ${expiry(input.expiresAt)}, une seule fois) :\n${input.url}` +
      SIGNATURE,
  };
}

export function accessAddedMessage(input: { to: string; name: string; invitedBy: string; what: string; loginUrl: string }): MailMessage {
  return {
    to: input.to,
    subject: 'Nouvel accès sur Mutualis',
    text: `Bonjour ${input.name},\n\n${input.invitedBy} vous a donné accès sur Mutualis ${input.what}.\nConnectez-vous avec votre mot de passe habituel : ${input.loginUrl}${SIGNATURE}`,
  };
}

export function passwordResetMessage(input: { to: string; name: string; url: string; expiresAt: string }): MailMessage {
  return {
    to: input.to,
    subject: 'Réinitialisation de votre mot de passe Mutualis',
    text:
      `Bonjour ${input.name},\n\nUne réinitialisation de votre mot de passe Mutualis a été demandée.\n` +
      `Choisissez-en un nouveau en ouvrant ce lien (valable une heure, une seule fois) :\n${input.url}\n\n` +
      'Votre mot de passe actuel reste valable tant que vous n’en avez pas choisi un autre.' +
      SIGNATURE,
  };
}

export function censusOpenedMessage(input: {
  to: string;
  name: string;
  territoryName: string;
  title: string;
  deadline: string;
  families: readonly string[];
  message: string;
  url: string;
}): MailMessage {
  const note = input.message.trim() === '' ? '' : `\n\nMessage de l’animateur :\n${input.message.trim()}`;
  return {
    to: input.to,
    subject: `Recensement des besoins : ${input.title}`,
    text:
      `Bonjour ${input.name},\n\nL’animateur du territoire ${input.territoryName} ouvre le recensement « ${input.title} ».\n` +
      `Familles d’achat concernées : ${input.families.join(', ')}.\n` +
      `Saisissez ou importez vos besoins et vos contrats en cours avant le ${formatDateFr(input.deadline)}, puis confirmez votre réponse : ${input.url}` +
      note +
      SIGNATURE,
  };
}

export function censusReminderMessage(input: {
  to: string;
  name: string;
  organizationName: string;
  title: string;
  deadline: string;
  missing: readonly string[];
  url: string;
}): MailMessage {
  const missing = input.missing.length === 0 ? '' : `\nFamilles encore sans besoin : ${input.missing.join(', ')}.`;
  return {
    to: input.to,
    subject: `Rappel : recensement « ${input.title} »`,
    text:
      `Bonjour ${input.name},\n\nLe recensement « ${input.title} » attend encore la réponse ${ofNameFr(input.organizationName)} ` +
      `(date limite : ${formatDateFr(input.deadline)}).${missing}\n` +
      `Complétez vos besoins puis confirmez votre réponse : ${input.url}` +
      SIGNATURE,
  };
}

export function accountRequestRejectedMessage(input: { to: string; name: string; territoryName: string; note: string }): MailMessage {
  const note = input.note.trim() === '' ? '' : `\n\nMotif : ${input.note.trim()}`;
  return {
    to: input.to,
    subject: 'Votre demande d’accès à Mutualis',
    text: `Bonjour ${input.name},\n\nL’animateur du territoire ${input.territoryName} n’a pas donné suite à votre demande d’accès.${note}${SIGNATURE}`,
  };
}
