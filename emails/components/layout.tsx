import { Body, Button, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

export const colors = { accent: "#0f6cbd", text: "#1f2937", muted: "#4b5563", border: "#e5e7eb", bg: "#f3f4f6" };

const main = { backgroundColor: colors.bg, fontFamily: "Segoe UI, -apple-system, Helvetica, Arial, sans-serif", margin: 0, padding: "24px 0" };
const container = { backgroundColor: "#ffffff", border: `1px solid ${colors.border}`, borderRadius: 8, margin: "0 auto", maxWidth: 560, padding: "32px" };

export function EmailLayout({ preview, children }: { preview: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={main}>
        <Container style={container}>
          <Text style={{ color: colors.accent, fontSize: 14, fontWeight: 600, margin: "0 0 16px" }}>Partnerships</Text>
          {children}
          <Hr style={{ borderColor: colors.border, margin: "32px 0 16px" }} />
          <Text style={{ color: colors.muted, fontSize: 12, lineHeight: "18px", margin: 0 }}>
            You received this email because of an action in Partnerships. If you did not expect it, you can ignore it;
            nothing changes until someone acts on it.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export function Heading1({ children }: { children: ReactNode }) {
  return <Text style={{ color: colors.text, fontSize: 22, fontWeight: 600, lineHeight: "28px", margin: "0 0 16px" }}>{children}</Text>;
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={{ color: colors.text, fontSize: 15, lineHeight: "22px", margin: "0 0 12px" }}>{children}</Text>;
}

export function Small({ children }: { children: ReactNode }) {
  return <Text style={{ color: colors.muted, fontSize: 13, lineHeight: "20px", margin: "0 0 8px" }}>{children}</Text>;
}

export function PrimaryButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Section style={{ margin: "24px 0" }}>
      <Button
        href={href}
        style={{ backgroundColor: colors.accent, borderRadius: 6, color: "#ffffff", fontSize: 15, fontWeight: 600, padding: "12px 20px", textDecoration: "none" }}
      >
        {children}
      </Button>
    </Section>
  );
}
