/** The text the directory's search index reads beside name, headline and description. */
export function profileKeywords(profile: { services: readonly string[]; industries: readonly string[]; certifications: readonly string[] }): string {
  return [...profile.services, ...profile.industries, ...profile.certifications].join(" · ");
}
