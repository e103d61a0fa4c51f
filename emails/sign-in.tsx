import { Link } from "@react-email/components";
import { EmailLayout, Heading1, Paragraph, PrimaryButton, Small } from "./components/layout";
import { breakAnywhere } from "./components/text";

export interface SignInEmailProps {
  url: string;
  email: string;
  expiresAt: string;
}

export const subject = () => "Your sign-in link for Partnerships";

export default function SignInEmail({ url, email, expiresAt }: SignInEmailProps) {
  return (
    <EmailLayout preview="Sign in to Partnerships with this link">
      <Heading1>Sign in to Partnerships</Heading1>
      <Paragraph>Select the button to sign in as {email}. The link works once and expires {expiresAt}.</Paragraph>
      <PrimaryButton href={url}>Sign in</PrimaryButton>
      <Small>Or paste this address into your browser:</Small>
      <Small>
        <Link href={url} style={{ ...breakAnywhere, color: "#0f6cbd" }}>
          {url}
        </Link>
      </Small>
      <Small>If you did not ask to sign in, ignore this email: nobody can sign in without the link.</Small>
    </EmailLayout>
  );
}

SignInEmail.PreviewProps = {
  url: "http://localhost:3000/api/auth/callback/resend?token=preview&email=admin%40contoso.example",
  email: "admin@contoso.example",
  expiresAt: "in 24 hours",
} satisfies SignInEmailProps;
