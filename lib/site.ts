/** What the app calls itself: page titles and the web app manifest. */
export const SITE_NAME = "Partnerships";

export const SITE_DESCRIPTION = "Find service partners, authorize exactly the access they need, and review or remove it at any time.";

/**
 * The address the app is published at, as configured: AUTH_URL (Auth.js reads it too), or else
 * APP_URL. Null when neither is set, or when the setting is not an absolute URL: nothing here trusts
 * or links to a host it cannot read.
 */
export function configuredSiteUrl(env: Readonly<Record<string, string | undefined>> = process.env): URL | null {
  const configured = env.AUTH_URL ?? env.APP_URL;
  return configured && URL.canParse(configured) ? new URL(configured) : null;
}
