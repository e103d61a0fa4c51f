import type { ReactElement } from "react";
import ContactRequestConfirmationEmail, {
  subject as contactConfirmationSubject,
  type ContactRequestConfirmationEmailProps,
} from "@/emails/contact-request-confirmation";
import ContactRequestPartnerEmail, { subject as contactPartnerSubject, type ContactRequestPartnerEmailProps } from "@/emails/contact-request-partner";
import InvitationAnsweredEmail, { subject as invitationAnsweredSubject, type InvitationAnsweredEmailProps } from "@/emails/invitation-answered";
import PartnerAuthorizedEmail, { subject as partnerAuthorizedSubject, type PartnerAuthorizedEmailProps } from "@/emails/partner-authorized";
import GdapNoticeEmail, { subject as gdapNoticeSubject, type GdapNoticeEmailProps } from "@/emails/gdap-notice";
import RolesRemovedEmail, { subject as rolesRemovedSubject, type RolesRemovedEmailProps } from "@/emails/roles-removed";
import InvitationEmail, { subject as invitationSubject, type InvitationEmailProps } from "@/emails/invitation";
import SignInEmail, { subject as signInSubject, type SignInEmailProps } from "@/emails/sign-in";
import MemberAddedEmail, { subject as memberAddedSubject, type MemberAddedEmailProps } from "@/emails/member-added";
import AccessChangeEmail, { subject as accessChangeSubject, type AccessChangeEmailProps } from "@/emails/access-change";

interface TemplateDefinition<P> {
  component: (props: P) => ReactElement;
  subject: (props: P) => string;
}

function define<P>(component: (props: P) => ReactElement, subject: (props: P) => string): TemplateDefinition<P> {
  return { component, subject };
}

/** Every email the product sends; `sendEmail` accepts only these names with their props. */
export const templates = {
  "sign-in": define<SignInEmailProps>(SignInEmail, signInSubject),
  "contact-request-partner": define<ContactRequestPartnerEmailProps>(ContactRequestPartnerEmail, contactPartnerSubject),
  invitation: define<InvitationEmailProps>(InvitationEmail, invitationSubject),
  "roles-removed": define<RolesRemovedEmailProps>(RolesRemovedEmail, rolesRemovedSubject),
  "gdap-notice": define<GdapNoticeEmailProps>(GdapNoticeEmail, gdapNoticeSubject),
  "invitation-answered": define<InvitationAnsweredEmailProps>(InvitationAnsweredEmail, invitationAnsweredSubject),
  "partner-authorized": define<PartnerAuthorizedEmailProps>(PartnerAuthorizedEmail, partnerAuthorizedSubject),
  "member-added": define<MemberAddedEmailProps>(MemberAddedEmail, memberAddedSubject),
  "access-change": define<AccessChangeEmailProps>(AccessChangeEmail, accessChangeSubject),
  "contact-request-confirmation": define<ContactRequestConfirmationEmailProps>(ContactRequestConfirmationEmail, contactConfirmationSubject),
};

export type TemplateName = keyof typeof templates;
export type TemplateProps<T extends TemplateName> = Parameters<(typeof templates)[T]["component"]>[0];
