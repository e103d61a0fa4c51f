import { EmailLayout, Heading1, Paragraph, PrimaryButton, Small } from "./components/layout";

export interface MemberAddedEmailProps {
  organizationName: string;
  addedBy: string;
  roles: string[];
  url: string;
}

export const subject = (p: MemberAddedEmailProps) => `${p.addedBy} added you to ${p.organizationName}'s admin center`;

export default function MemberAddedEmail(p: MemberAddedEmailProps) {
  return (
    <EmailLayout preview={subject(p)}>
      <Heading1>{subject(p)}</Heading1>
      <Paragraph>{p.roles.length > 0 ? `Your admin roles: ${p.roles.join(", ")}.` : "You have no admin roles yet."}</Paragraph>
      <PrimaryButton href={p.url}>Sign in to the admin center</PrimaryButton>
      <Small>Sign in with this email address; you get a sign-in link by email, no password.</Small>
    </EmailLayout>
  );
}

MemberAddedEmail.PreviewProps = {
  organizationName: "Contoso",
  addedBy: "Megan Bowen",
  roles: ["Partner relationship administrator"],
  url: "http://localhost:3000/signin",
} satisfies MemberAddedEmailProps;
