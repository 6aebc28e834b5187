import "server-only";
import nodemailer from "nodemailer";
import { config } from "@/lib/config";
import { keepInOutbox } from "@/lib/notify/outbox";

let transport: nodemailer.Transporter | undefined;

/**
 * Sends over SMTP when SMTP_URL is set, and keeps a copy in the outbox outside production. In
 * development without SMTP the outbox is the only delivery, which is what a person trying the app wants.
 */
export async function sendEmail(message: { to: string; subject: string; text: string }) {
  const to = message.to.toLowerCase();
  await keepInOutbox({ channel: "email", to, subject: message.subject, body: message.text });
  const { smtpUrl, emailFrom } = config();
  if (!smtpUrl) return;
  transport ??= nodemailer.createTransport(smtpUrl);
  await transport.sendMail({ from: emailFrom, to, subject: message.subject, text: message.text });
}
