import "server-only";
import { createElement } from "react";
import { render } from "@react-email/render";
import type { DbOrTx } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { templates, type TemplateName, type TemplateProps } from "./templates";

export interface SendEmailInput<T extends TemplateName> {
  to: string;
  template: T;
  props: TemplateProps<T>;
  /** Emails that must go out at most once carry a key; a second send with the same key is ignored. */
  dedupeKey?: string;
}

export async function renderEmail<T extends TemplateName>(template: T, props: TemplateProps<T>) {
  const definition = templates[template] as unknown as {
    component: (p: TemplateProps<T>) => React.ReactElement;
    subject: (p: TemplateProps<T>) => string;
  };
  const element = createElement(definition.component, props);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  // A subject is a mail header: text typed into a form (a company name) must never break it across lines.
  const subject = definition.subject(props).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ");
  return { subject, html, text };
}

/**
 * Writes the email to the outbox in the caller's transaction, so it exists exactly when the
 * change that caused it does. Delivery happens afterwards (`deliverPendingEmails`).
 * Returns the outbox id, or null when the dedupe key was already used.
 */
export async function sendEmail<T extends TemplateName>(db: DbOrTx, input: SendEmailInput<T>): Promise<string | null> {
  const rendered = await renderEmail(input.template, input.props);
  const [row] = await db
    .insert(emailOutbox)
    .values({ to: input.to, template: input.template, dedupeKey: input.dedupeKey ?? null, ...rendered })
    .onConflictDoNothing({ target: emailOutbox.dedupeKey })
    .returning({ id: emailOutbox.id });
  return row?.id ?? null;
}
