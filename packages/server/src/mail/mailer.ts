import nodemailer from 'nodemailer';
import type { MailConfig } from '../config/load-config';

/** A message Mutualis sends: plain French text, one recipient. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail; `send` rejects when the relay refuses or cannot be reached. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** Limits that keep a request from hanging on an unreachable relay. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

/** A mailer over the SMTP relay of `SMTP_URL` (STARTTLS when the relay offers it, TLS for smtps://). */
export function createSmtpMailer(config: MailConfig): Mailer {
  const transport = nodemailer.createTransport(config.smtpUrl, { from: config.from, ...TIMEOUTS });
  return {
    async send(message) {
      await transport.sendMail({ to: message.to, subject: message.subject, text: message.text });
    },
  };
}
