import { relations, sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { AdapterAccountType } from "next-auth/adapters";
import { COUNTRIES, SIZE_BANDS } from "./catalog";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

// ---------------------------------------------------------------------------
// Organizations and people
// ---------------------------------------------------------------------------

export const organizationKind = pgEnum("organization_kind", ["customer", "partner"]);

export const organizations = pgTable(
  "organizations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: organizationKind("kind").notNull(),
    name: text("name").notNull(),
    /**
     * The domain the organization was set up with by the operator (the seed, provisioning): a partner's
     * is shown to customers. Never set from a claim: which addresses belong to an organization is
     * decided by organization_domains alone.
     */
    domain: text("domain"),
    country: text("country"),
    sizeBand: text("size_band"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("organizations_domain_unique").on(sql`lower(${t.domain})`), index("organizations_kind_idx").on(t.kind)],
);

/**
 * Domains an organization says it owns. A row routes the domain's addresses to the organization
 * (invitations to anyone@domain reach its administrators) only once it is verified: the
 * organization published `verificationToken` in a DNS TXT record (lib/domains/dns.ts). Anyone may
 * list a domain; only one organization can have it verified, and the database holds that.
 */
export const organizationDomains = pgTable(
  "organization_domains",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Lower-cased ASCII, without a trailing dot. */
    domain: text("domain").notNull(),
    /** Random and per row, so one organization's published record never verifies another's claim. Not a secret. */
    verificationToken: text("verification_token").notNull(),
    createdAt: createdAt(),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    verifiedById: text("verified_by_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("organization_domains_org_domain_unique").on(t.organizationId, sql`lower(${t.domain})`),
    uniqueIndex("organization_domains_verified_unique").on(sql`lower(${t.domain})`).where(sql`${t.verifiedAt} is not null`),
    check("organization_domains_domain_lowercase", sql`${t.domain} = lower(${t.domain})`),
  ],
);

// Auth.js tables: the property names are the adapter's contract, the column names are ours.
export const users = pgTable(
  "users",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    name: text("name"),
    email: text("email").unique(),
    emailVerified: timestamp("email_verified", { mode: "date", withTimezone: true }),
    image: text("image"),
    createdAt: createdAt(),
  },
  // Who an invitation's address belongs to is looked up case-insensitively (lib/invitations).
  (t) => [index("users_email_lower_idx").on(sql`lower(${t.email})`)],
);

export const accounts = pgTable(
  "accounts",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").$type<AdapterAccountType>().notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

export const sessions = pgTable(
  "sessions",
  {
    sessionToken: text("session_token").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expires: timestamp("expires", { mode: "date", withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    /** Auth.js stores a SHA-256 hash of the emailed token here, never the token itself. */
    token: text("token").notNull(),
    expires: timestamp("expires", { mode: "date", withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** Customer: directory role ids (lib/roles.ts). Partner: "admin_agent" | "sales_agent" | "technician". */
    roles: text("roles").array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    /** A partner's person deactivated by its admin agents: the membership no longer counts anywhere. */
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("memberships_user_org_unique").on(t.userId, t.organizationId),
    index("memberships_org_idx").on(t.organizationId),
  ],
);

// ---------------------------------------------------------------------------
// The partner directory
// ---------------------------------------------------------------------------

export interface ProfileLocation {
  country: string;
  city: string;
}

export const partnerProfiles = pgTable(
  "partner_profiles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .unique()
      .references(() => organizations.id, { onDelete: "cascade" }),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    headline: text("headline").notNull(),
    description: text("description").notNull(),
    services: text("services").array().notNull(),
    industries: text("industries").array().notNull(),
    certifications: text("certifications").array().notNull(),
    sizesServed: text("sizes_served").array().notNull(),
    locations: jsonb("locations").$type<ProfileLocation[]>().notNull(),
    /** ISO country codes of `locations`, for an indexed filter. */
    countries: text("countries").array().notNull(),
    /** Lower-cased city names of `locations`, for an indexed filter. */
    cities: text("cities").array().notNull(),
    website: text("website"),
    logoUrl: text("logo_url"),
    contactEmail: text("contact_email").notNull(),
    contactPhone: text("contact_phone"),
    employeeCount: integer("employee_count"),
    rating: integer("rating_tenths"),
    /** How many customer reviews the rating averages ("4.6 (128 reviews)"); null where none are counted. */
    reviewCount: integer("review_count"),
    yearFounded: integer("year_founded"),
    /** Services, industries and certifications as one text, kept by the writer; the search index reads it. */
    keywords: text("keywords").notNull(),
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`setweight(to_tsvector('english', coalesce(name, '')), 'A') || setweight(to_tsvector('english', coalesce(keywords, '')), 'A') || setweight(to_tsvector('english', coalesce(headline, '')), 'B') || setweight(to_tsvector('english', coalesce(description, '')), 'C')`,
    ),
    createdAt: createdAt(),
  },
  // Searched through partner_search (below), which carries the indexes.
);

/**
 * The filter lexemes with a listing index of their own (see partnerSearch): every country/region of
 * the catalog (`c:US`) and every size band (`s:50-249`). A country added to the catalog needs a
 * migration for its index; searches in it are correct without one, only slower.
 */
export const LISTING_FILTERS: { lexeme: string; name: string }[] = [
  ...COUNTRIES.map(({ code }) => ({ lexeme: `c:${code}`, name: `c_${code.toLowerCase()}` })),
  ...SIZE_BANDS.map((band) => ({ lexeme: `s:${band}`, name: `s_${band.replace("+", "").replace("-", "_")}` })),
];

/**
 * The tsquery constant of a listing index's predicate, as SQL (`'''c:US'''::tsquery`): the index
 * definitions and the search's walk write it alike, so that Postgres sees the index applies.
 */
export function listingPredicate(lexeme: string): string {
  // Country codes and size bands only, both validated by the query schema: nothing here needs escaping.
  if (!/^[cs]:[A-Za-z0-9+-]+$/.test(lexeme)) throw new Error(`not a listing filter: ${lexeme}`);
  return `'''${lexeme}'''::tsquery`;
}

/**
 * What the directory search filters and ranks on, one narrow row per profile, kept in step by a
 * trigger on partner_profiles (migrations 0005 and 0007). `document` is the profile's weighted
 * search vector plus one lexeme per filter value (`c:US`, `t:seattle`, `s:50-249`), so a single
 * GIN index answers keywords, location and size together; only the page of results shown joins
 * back to the wide profile rows.
 */
export const partnerSearch = pgTable(
  "partner_search",
  {
    profileId: uuid("profile_id")
      .primaryKey()
      .references(() => partnerProfiles.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    ratingTenths: integer("rating_tenths"),
    document: tsvector("document").notNull(),
  },
  (t) => [
    index("partner_search_document_idx").using("gin", t.document),
    index("partner_search_listing_idx").on(sql`${t.ratingTenths} desc nulls last`, t.name, t.profileId),
    // The same listing for each country and size band alone: a search in one walks only its rows.
    ...LISTING_FILTERS.map(({ lexeme, name }) =>
      index(`partner_search_listing_${name}_idx`)
        .on(sql`${t.ratingTenths} desc nulls last`, t.name, t.profileId)
        .where(sql.raw(`"document" @@ ${listingPredicate(lexeme)}`)),
    ),
  ],
);

/**
 * The words partners are described with, for typo tolerance: a misspelt keyword is matched to
 * its nearest word here (trigram similarity) before the full-text search runs.
 */
export const searchVocabulary = pgTable(
  "search_vocabulary",
  { word: text("word").primaryKey() },
  (t) => [index("search_vocabulary_trgm_idx").using("gin", sql`${t.word} gin_trgm_ops`)],
);

/**
 * The cities partners name in their locations, for correcting a misspelt city ("Seatle" →
 * Seattle) like a keyword: `city` lower-cased as the search document's `t:` lexeme holds it,
 * `name` as a partner wrote it. Filled with the vocabulary (refreshSearchVocabulary).
 */
export const searchCities = pgTable(
  "search_cities",
  {
    country: text("country").notNull(),
    city: text("city").notNull(),
    name: text("name").notNull(),
  },
  (t) => [primaryKey({ columns: [t.country, t.city] }), index("search_cities_trgm_idx").using("gin", sql`${t.city} gin_trgm_ops`)],
);

// ---------------------------------------------------------------------------
// Contact requests (Find a partner → Contact selected providers → Send)
// ---------------------------------------------------------------------------

export const contactRecipientStatus = pgEnum("contact_recipient_status", ["new", "replied", "declined"]);

export const contactRequests = pgTable(
  "contact_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /**
     * From a hidden form field: the same submission twice creates one request. Unique per sender
     * address, so a key someone else used matches nothing of theirs.
     */
    idempotencyKey: text("idempotency_key").notNull(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    company: text("company").notNull(),
    phone: text("phone"),
    country: text("country").notNull(),
    sizeBand: text("size_band").notNull(),
    needs: text("needs").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("contact_requests_email_idx").on(sql`lower(${t.email})`, t.createdAt),
    uniqueIndex("contact_requests_idempotency_unique").on(sql`lower(${t.email})`, t.idempotencyKey),
    // The partner inbox's search (requestSearchText, lib/contact-requests/queries.ts): any part of company, name or address.
    index("contact_requests_search_trgm_idx").using("gin", sql`(${t.company} || ' ' || ${t.name} || ' ' || ${t.email}) gin_trgm_ops`),
  ],
);

export const contactRequestRecipients = pgTable(
  "contact_request_recipients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => contactRequests.id, { onDelete: "cascade" }),
    partnerOrganizationId: uuid("partner_organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    status: contactRecipientStatus("status").notNull().default("new"),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }),
    statusChangedById: text("status_changed_by_id").references(() => users.id, { onDelete: "set null" }),
    /** Why the partner declined the request (required when declining); cleared when it is reopened or replied to. */
    declineReason: text("decline_reason"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("contact_recipients_request_partner_unique").on(t.requestId, t.partnerOrganizationId),
    // The partner inbox, newest or oldest first, all or by status; ties break by id so pages never overlap.
    index("contact_recipients_partner_idx").on(t.partnerOrganizationId, t.createdAt, t.id),
    index("contact_recipients_partner_status_idx").on(t.partnerOrganizationId, t.status, t.createdAt, t.id),
    // An Activity entry about a request names it by its id as text (audit_events.target_id).
    index("contact_recipients_id_text_idx").on(sql`(${t.id}::text)`),
  ],
);

/** Fixed-window counters for abuse limits, kept in the database so they hold across server instances. */
export const rateLimitHits = pgTable(
  "rate_limit_hits",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    bucket: text("bucket").notNull(),
    key: text("key").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("rate_limit_hits_lookup_idx").on(t.bucket, t.key, t.createdAt)],
);

// ---------------------------------------------------------------------------
// Customer agreement
// ---------------------------------------------------------------------------

export const agreements = pgTable("agreements", {
  id: uuid("id").primaryKey().defaultRandom(),
  version: text("version").notNull().unique(),
  title: text("title").notNull(),
  body: text("body").notNull(),
  publishedAt: timestamp("published_at", { withTimezone: true }).notNull(),
  createdAt: createdAt(),
});

export const agreementAcceptances = pgTable(
  "agreement_acceptances",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agreementId: uuid("agreement_id")
      .notNull()
      .references(() => agreements.id),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    acceptedById: text("accepted_by_id")
      .notNull()
      .references(() => users.id),
    invitationId: uuid("invitation_id"),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("agreement_acceptances_org_version_unique").on(t.organizationId, t.agreementId)],
);

// ---------------------------------------------------------------------------
// Invitations, relationships and role grants
// ---------------------------------------------------------------------------

export const relationshipType = pgEnum("relationship_type", [
  "gdap",
  "reseller",
  "delegated_admin",
  "reseller_delegated_admin",
  "partner",
  "advisor",
  "mpsa",
  "lob",
]);

export const invitationStatus = pgEnum("invitation_status", ["pending", "accepted", "declined", "cancelled", "expired"]);

export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnerOrganizationId: uuid("partner_organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    customerEmail: text("customer_email").notNull(),
    /**
     * Where the address led when the invitation was sent (the addressee's own customer organization,
     * or the one that verified its domain), then the organization that accepted it. Who may answer is
     * decided when they answer (invitationAccess, lib/invitations/rules.ts), not by this column.
     */
    customerOrganizationId: uuid("customer_organization_id").references(() => organizations.id, { onDelete: "cascade" }),
    contactRecipientId: uuid("contact_recipient_id").references(() => contactRequestRecipients.id, { onDelete: "set null" }),
    type: relationshipType("type").notNull(),
    roles: text("roles").array().notNull().default(sql`'{}'::text[]`),
    /** What the partner says it will do (lib/relationships/tasks.ts): the customer's review marks any role these do not need. */
    tasks: text("tasks").array().notNull().default(sql`'{}'::text[]`),
    durationDays: integer("duration_days"),
    autoExtend: boolean("auto_extend").notNull().default(false),
    message: text("message"),
    /** SHA-256 of the emailed token; the token itself is never stored. */
    tokenHash: text("token_hash").notNull().unique(),
    /** 256 random bits; with the server secret they re-derive the same link for Resend (lib/invitations/tokens.ts). */
    tokenSalt: text("token_salt").notNull(),
    /**
     * From a hidden form field: the same Send invitation twice creates one invitation. Unique per
     * partner organization and sender, so a key another agent or organization used matches nothing.
     */
    idempotencyKey: text("idempotency_key"),
    status: invitationStatus("status").notNull().default("pending"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    sentCount: integer("sent_count").notNull().default(1),
    lastSentAt: timestamp("last_sent_at", { withTimezone: true }).notNull().defaultNow(),
    createdById: text("created_by_id")
      .notNull()
      .references(() => users.id),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    respondedById: text("responded_by_id").references(() => users.id),
    declineReason: text("decline_reason"),
    createdAt: createdAt(),
  },
  (t) => [
    // The partner's Invitations, one index per order and one per status; ties break by id so pages never overlap.
    index("invitations_partner_idx").on(t.partnerOrganizationId, t.createdAt, t.id),
    index("invitations_partner_status_idx").on(t.partnerOrganizationId, t.status, t.createdAt, t.id),
    index("invitations_partner_expires_idx").on(t.partnerOrganizationId, t.expiresAt, t.id),
    // Search by any part of the address.
    index("invitations_email_trgm_idx").using("gin", sql`${t.customerEmail} gin_trgm_ops`),
    // Whether a request was invited (lib/contact-requests/queries.ts), and the invitation an Activity entry names by its id as text.
    index("invitations_contact_recipient_idx").on(t.contactRecipientId),
    index("invitations_id_text_idx").on(sql`(${t.id}::text)`),
    uniqueIndex("invitations_idempotency_unique").on(t.partnerOrganizationId, t.createdById, t.idempotencyKey),
    index("invitations_customer_idx").on(t.customerOrganizationId),
    index("invitations_email_idx").on(sql`lower(${t.customerEmail})`),
    // The invitations a verified domain routes to its organization (addresseeOrganizations, lib/invitations/queries.ts).
    index("invitations_email_domain_idx").on(sql`lower(split_part(${t.customerEmail}, '@', 2))`),
    // The invitations waiting for an organization's answer, oldest first, per verified domain and per member's
    // address (firstWaitingFor, lib/invitations/queries.ts): each read stops after the rows a page needs.
    index("invitations_waiting_domain_idx")
      .on(sql`lower(split_part(${t.customerEmail}, '@', 2))`, t.createdAt, t.id)
      .where(sql`${t.status} = 'pending'`),
    index("invitations_waiting_email_idx").on(sql`lower(${t.customerEmail})`, t.createdAt, t.id).where(sql`${t.status} = 'pending'`),
  ],
);

/** What a customer changed of a request for access when it granted it (lib/relationships/decision.ts); absent parts were granted as asked. */
export interface GrantChanges {
  /** Role ids asked for and not granted. */
  rolesNotGranted?: string[];
  /** The end asked for and the end granted (ISO). */
  endsAt?: { requested: string; granted: string };
  /** Auto-extend was asked for and turned off. */
  autoExtendOff?: true;
}

export const invitationAcceptances = pgTable("invitation_acceptances", {
  id: uuid("id").primaryKey().defaultRandom(),
  invitationId: uuid("invitation_id")
    .notNull()
    .unique()
    .references(() => invitations.id, { onDelete: "cascade" }),
  acceptedById: text("accepted_by_id")
    .notNull()
    .references(() => users.id),
  /** The address the invitation was sent to, kept beside who actually accepted it. */
  invitedEmail: text("invited_email").notNull(),
  /** What the customer granted (lib/relationships/decision.ts): the roles, end and auto-extend it kept of the request. */
  grantedRoles: text("granted_roles").array(),
  endsAt: timestamp("ends_at", { withTimezone: true }),
  autoExtend: boolean("auto_extend"),
  /** What the customer changed of the request (GrantChanges); null when it was approved as asked. */
  changes: jsonb("changes").$type<GrantChanges>(),
  organizationId: uuid("organization_id")
    .notNull()
    .references(() => organizations.id),
  acceptedAt: timestamp("accepted_at", { withTimezone: true }).notNull().defaultNow(),
});

export const relationships = pgTable(
  "relationships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    customerOrganizationId: uuid("customer_organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    partnerOrganizationId: uuid("partner_organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** MPSA: may this partner see purchases made by the customer's other MPSA partners. */
    mpsaShareAllowed: boolean("mpsa_share_allowed").notNull().default(false),
    createdAt: createdAt(),
    /*
     * The list summary: what the Partner relationships and Customers lists filter and sort by, kept
     * by the database itself (triggers of migration 0015 on relationships, relationship_types,
     * role_grants and organizations), so that a page of a list is an index range whatever writes
     * the rows. Nothing in the app writes these columns.
     */
    /** The partner organization's name. */
    partnerName: text("partner_name").notNull().default(""),
    /** The customer organization's name. */
    customerName: text("customer_name").notNull().default(""),
    /** Types not terminated, in the enum's order (a GDAP past its end is still listed here; compare gdap_ends_at). */
    types: relationshipType("types").array().notNull().default(sql`'{}'`),
    /** 0: GDAP terminated; 1: GDAP with an end date; 2: no GDAP; 3: GDAP without an end date. */
    gdapRank: smallint("gdap_rank").notNull().default(2),
    gdapEndsAt: timestamp("gdap_ends_at", { withTimezone: true }),
    gdapTerminatedAt: timestamp("gdap_terminated_at", { withTimezone: true }),
    /** Roles granted and not ended (a role two types grant counts once), and the rank of the most privileged (lib/roles.ts). */
    roleCount: smallint("role_count").notNull().default(0),
    topRoleRank: smallint("top_role_rank").notNull().default(0),
  },
  (t) => [
    uniqueIndex("relationships_customer_partner_unique").on(t.customerOrganizationId, t.partnerOrganizationId),
    index("relationships_partner_idx").on(t.partnerOrganizationId),
    // The customer's list, one index per sort order; ties break by id so pages never overlap.
    index("relationships_customer_by_name_idx").on(t.customerOrganizationId, sql`lower(${t.partnerName})`, t.id),
    index("relationships_customer_by_since_idx").on(t.customerOrganizationId, t.createdAt, t.id),
    index("relationships_customer_by_types_idx").on(t.customerOrganizationId, t.types, sql`lower(${t.partnerName})`, t.id),
    index("relationships_customer_by_roles_idx").on(t.customerOrganizationId, t.topRoleRank, t.roleCount, sql`lower(${t.partnerName})`, t.id),
    index("relationships_customer_by_gdap_idx").on(t.customerOrganizationId, t.gdapRank, t.gdapEndsAt, sql`lower(${t.partnerName})`, t.id),
    index("relationships_partner_name_trgm_idx").using("gin", sql`lower(${t.partnerName}) gin_trgm_ops`),
    // The partner's list of customers.
    index("relationships_partner_by_name_idx").on(t.partnerOrganizationId, sql`lower(${t.customerName})`, t.id),
    index("relationships_partner_by_since_idx").on(t.partnerOrganizationId, t.createdAt, t.id),
    index("relationships_partner_by_gdap_idx").on(t.partnerOrganizationId, t.gdapRank, t.gdapEndsAt, sql`lower(${t.customerName})`, t.id),
    index("relationships_customer_name_trgm_idx").using("gin", sql`lower(${t.customerName}) gin_trgm_ops`),
  ],
);

export const relationshipTypes = pgTable(
  "relationship_types",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    relationshipId: uuid("relationship_id")
      .notNull()
      .references(() => relationships.id, { onDelete: "cascade" }),
    type: relationshipType("type").notNull(),
    establishedAt: timestamp("established_at", { withTimezone: true }).notNull().defaultNow(),
    establishedById: text("established_by_id").references(() => users.id),
    invitationId: uuid("invitation_id").references(() => invitations.id),
    /** GDAP only: the end of the time-bound access and whether it renews itself. */
    endsAt: timestamp("ends_at", { withTimezone: true }),
    autoExtend: boolean("auto_extend").notNull().default(false),
    terminatedAt: timestamp("terminated_at", { withTimezone: true }),
    terminatedById: text("terminated_by_id").references(() => users.id),
    /** GDAP: every activation of an eligible role waits for the customer's approval. */
    activationApproval: boolean("activation_approval").notNull().default(false),
  },
  (t) => [uniqueIndex("relationship_types_relationship_type_unique").on(t.relationshipId, t.type)],
);

export const roleGrants = pgTable(
  "role_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    relationshipId: uuid("relationship_id")
      .notNull()
      .references(() => relationships.id, { onDelete: "cascade" }),
    roleId: text("role_id").notNull(),
    /** The relationship type that carried this role. */
    viaType: relationshipType("via_type").notNull(),
    invitationId: uuid("invitation_id").references(() => invitations.id),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
    grantedById: text("granted_by_id").references(() => users.id),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    autoExtend: boolean("auto_extend").notNull().default(false),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endedById: text("ended_by_id").references(() => users.id),
    endReason: text("end_reason").$type<"removed" | "expired" | "terminated" | "amended">(),
    /** Just-in-time: the role is held only while an activation of it is in force (activations), never standing. */
    eligible: boolean("eligible").notNull().default(false),
  },
  (t) => [
    // One grant of a role in force per relationship and type (two types may each grant the same role,
    // each until its own end); ended grants stay as history.
    uniqueIndex("role_grants_active_unique").on(t.relationshipId, t.roleId, t.viaType).where(sql`${t.endedAt} is null`),
    index("role_grants_expiry_idx").on(t.expiresAt).where(sql`${t.endedAt} is null`),
  ],
);

/** A partner's named set of roles and tasks for quick invitations (kept by its admin agents). */
export const roleTemplates = pgTable(
  "role_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnerOrganizationId: uuid("partner_organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    roles: text("roles").array().notNull(),
    tasks: text("tasks").array().notNull().default(sql`'{}'::text[]`),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("role_templates_partner_name_unique").on(t.partnerOrganizationId, sql`lower(${t.name})`)],
);

/**
 * A partner's proposal to add access to an active GDAP relationship (roles, a later end), or to renew
 * it: the customer approves it (with changes, as an invitation) or declines it. Less access needs no
 * consent and is applied at once, so a request only ever adds. One open request per relationship
 * (the partial unique index); it expires after 30 days (CHANGE_REQUEST_LIFETIME_DAYS).
 */
export const changeRequestStatus = pgEnum("change_request_status", ["pending", "approved", "approved_with_changes", "declined", "expired", "withdrawn"]);

export const changeRequests = pgTable(
  "change_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    relationshipId: uuid("relationship_id")
      .notNull()
      .references(() => relationships.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"amendment" | "renewal">().notNull(),
    /** Roles asked for on top of those in force. */
    addRoles: text("add_roles").array().notNull().default(sql`'{}'::text[]`),
    /** The end asked for, when later than the one in force (null: the end stays). */
    endsAt: timestamp("ends_at", { withTimezone: true }),
    /** The roles and end in force when it was asked: what the customer's diff reads against. */
    rolesBefore: text("roles_before").array().notNull(),
    endsAtBefore: timestamp("ends_at_before", { withTimezone: true }),
    message: text("message"),
    status: changeRequestStatus("status").notNull().default("pending"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdById: text("created_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedById: text("decided_by_id").references(() => users.id),
    /** What the customer granted of it, and what it changed (GrantChanges); null until approved. */
    grantedRoles: text("granted_roles").array(),
    grantedEndsAt: timestamp("granted_ends_at", { withTimezone: true }),
    changes: jsonb("changes").$type<GrantChanges>(),
    declineReason: text("decline_reason"),
  },
  (t) => [
    uniqueIndex("change_requests_one_open_idx").on(t.relationshipId).where(sql`${t.status} = 'pending'`),
    index("change_requests_relationship_idx").on(t.relationshipId, t.createdAt),
  ],
);

/**
 * Every version of a relationship's granular delegated access: the roles in force, the end and
 * auto-extend after each change (acceptance, amendment, approved change, extension, removal, expiry),
 * with what caused it. Written in the transaction of the change (recordGdapVersion).
 */
export const relationshipVersions = pgTable(
  "relationship_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    relationshipId: uuid("relationship_id")
      .notNull()
      .references(() => relationships.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    roles: text("roles").array().notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    autoExtend: boolean("auto_extend").notNull(),
    cause: text("cause").notNull(),
    changeRequestId: uuid("change_request_id").references(() => changeRequests.id, { onDelete: "set null" }),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("relationship_versions_relationship_version_unique").on(t.relationshipId, t.version)],
);

// ---------------------------------------------------------------------------
// The access plane: who at a partner holds what, and the tokens that carry it
// ---------------------------------------------------------------------------

/** A partner's security group: its members act in a customer with the roles the group is assigned there. */
export const securityGroups = pgTable(
  "security_groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnerOrganizationId: uuid("partner_organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("security_groups_partner_name_unique").on(t.partnerOrganizationId, sql`lower(${t.name})`)],
);

export const securityGroupMembers = pgTable(
  "security_group_members",
  {
    groupId: uuid("group_id")
      .notNull()
      .references(() => securityGroups.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index("security_group_members_user_idx").on(t.userId)],
);

/**
 * A group's access in one customer (the real system's delegatedAdminAccessAssignment): a subset of the
 * roles the relationship grants. Its status is read against the grants in force (lib/access/rules.ts):
 * active while every role is granted, error when one is not (any more); deleted ones keep their row.
 */
export const accessAssignments = pgTable(
  "access_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    relationshipId: uuid("relationship_id")
      .notNull()
      .references(() => relationships.id, { onDelete: "cascade" }),
    groupId: uuid("group_id")
      .notNull()
      .references(() => securityGroups.id, { onDelete: "cascade" }),
    roles: text("roles").array().notNull(),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("access_assignments_live_unique").on(t.relationshipId, t.groupId).where(sql`${t.deletedAt} is null`)],
);

/** A customer's block of one partner person: no token for the customer, whatever the groups say. */
export const personBlocks = pgTable(
  "person_blocks",
  {
    customerOrganizationId: uuid("customer_organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    blockedById: text("blocked_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.customerOrganizationId, t.userId] })],
);

/**
 * Token signing keys (ES256). The private key is stored encrypted (AES-256-GCM under a key from the
 * environment, lib/access/keys.ts); the public key is published at /.well-known/jwks.json until every
 * token it signed has expired.
 */
export const signingKeys = pgTable("signing_keys", {
  kid: text("kid").primaryKey(),
  publicJwk: jsonb("public_jwk").$type<Record<string, string>>().notNull(),
  privateJwkEncrypted: text("private_jwk_encrypted").notNull(),
  createdAt: createdAt(),
  /** After this, it signs nothing new. */
  retiresAt: timestamp("retires_at", { withTimezone: true }).notNull(),
});

/**
 * A partner person's activation of an eligible role in one customer, for at most 8 hours, with a
 * justification: active at once, or pending until the customer approves it (activationApproval).
 * It ends by the clock (endsAt), or when the customer revokes it.
 */
export const activations = pgTable(
  "activations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    relationshipId: uuid("relationship_id")
      .notNull()
      .references(() => relationships.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    roleId: text("role_id").notNull(),
    justification: text("justification").notNull(),
    hours: integer("hours").notNull(),
    status: text("status").$type<"pending" | "active" | "denied" | "revoked">().notNull(),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedById: text("decided_by_id").references(() => users.id, { onDelete: "set null" }),
    startsAt: timestamp("starts_at", { withTimezone: true }),
    endsAt: timestamp("ends_at", { withTimezone: true }),
  },
  (t) => [index("activations_relationship_idx").on(t.relationshipId, t.requestedAt), index("activations_user_idx").on(t.userId, t.relationshipId)],
);

/** Every access token issued: what introspection answers from (with the grants in force at that moment). */
export const issuedTokens = pgTable(
  "issued_tokens",
  {
    jti: uuid("jti").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    relationshipId: uuid("relationship_id")
      .notNull()
      .references(() => relationships.id, { onDelete: "cascade" }),
    roles: text("roles").array().notNull(),
    reason: text("reason").notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("issued_tokens_user_idx").on(t.userId, t.issuedAt)],
);

// ---------------------------------------------------------------------------
// Audit log and email outbox
// ---------------------------------------------------------------------------

export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: text("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    /** A readable actor for events without a user (the system, an anonymous visitor). */
    actorLabel: text("actor_label").notNull(),
    /** The organization whose record this is. */
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "cascade" }),
    /** The other party, when there is one (the partner in a customer's event, and vice versa). */
    counterpartyOrganizationId: uuid("counterparty_organization_id").references(() => organizations.id, {
      onDelete: "cascade",
    }),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    // An organization's Activity, newest first, all or of one type or kind (lib/audit/queries.ts); ties break by id.
    index("audit_events_org_idx").on(t.organizationId, t.occurredAt, t.id),
    // The same expressions as eventType and eventKind there: the type its details name (every invitation event records its
    // invitation's; migration 0016 filled in older ones) or its action names, and its action's first word.
    index("audit_events_org_type_idx").on(
      t.organizationId,
      sql`(coalesce(${t.details} ->> 'type', case when ${t.action} like 'gdap.%' then 'gdap' when ${t.action} like 'mpsa.%' then 'mpsa' end))`,
      t.occurredAt,
      t.id,
    ),
    index("audit_events_org_kind_idx").on(t.organizationId, sql`(split_part(${t.action}, '.', 1))`, t.occurredAt, t.id),
    index("audit_events_counterparty_idx").on(t.counterpartyOrganizationId, t.occurredAt),
  ],
);

export const outboxStatus = pgEnum("outbox_status", ["pending", "sent", "mailbox", "failed"]);

export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    template: text("template").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    /** Set for emails that must go out at most once (expiry notices); the database enforces it. */
    dedupeKey: text("dedupe_key").unique(),
    status: outboxStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    providerMessageId: text("provider_message_id"),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("email_outbox_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index("email_outbox_created_idx").on(t.createdAt),
  ],
);

// ---------------------------------------------------------------------------
// Relations
// ---------------------------------------------------------------------------

export const organizationsRelations = relations(organizations, ({ one, many }) => ({
  profile: one(partnerProfiles, { fields: [organizations.id], references: [partnerProfiles.organizationId] }),
  memberships: many(memberships),
  domains: many(organizationDomains),
}));

export const organizationDomainsRelations = relations(organizationDomains, ({ one }) => ({
  organization: one(organizations, { fields: [organizationDomains.organizationId], references: [organizations.id] }),
}));

export const usersRelations = relations(users, ({ many }) => ({ memberships: many(memberships) }));

export const membershipsRelations = relations(memberships, ({ one }) => ({
  user: one(users, { fields: [memberships.userId], references: [users.id] }),
  organization: one(organizations, { fields: [memberships.organizationId], references: [organizations.id] }),
}));

export const partnerProfilesRelations = relations(partnerProfiles, ({ one }) => ({
  organization: one(organizations, { fields: [partnerProfiles.organizationId], references: [organizations.id] }),
}));

export const contactRequestsRelations = relations(contactRequests, ({ many }) => ({
  recipients: many(contactRequestRecipients),
}));

export const contactRequestRecipientsRelations = relations(contactRequestRecipients, ({ one }) => ({
  request: one(contactRequests, { fields: [contactRequestRecipients.requestId], references: [contactRequests.id] }),
  partner: one(organizations, {
    fields: [contactRequestRecipients.partnerOrganizationId],
    references: [organizations.id],
  }),
}));

export const invitationsRelations = relations(invitations, ({ one }) => ({
  partner: one(organizations, { fields: [invitations.partnerOrganizationId], references: [organizations.id] }),
  acceptance: one(invitationAcceptances, {
    fields: [invitations.id],
    references: [invitationAcceptances.invitationId],
  }),
}));

export const invitationAcceptancesRelations = relations(invitationAcceptances, ({ one }) => ({
  invitation: one(invitations, { fields: [invitationAcceptances.invitationId], references: [invitations.id] }),
}));

export const relationshipsRelations = relations(relationships, ({ one, many }) => ({
  customer: one(organizations, { fields: [relationships.customerOrganizationId], references: [organizations.id] }),
  partner: one(organizations, { fields: [relationships.partnerOrganizationId], references: [organizations.id] }),
  types: many(relationshipTypes),
  grants: many(roleGrants),
}));

export const relationshipTypesRelations = relations(relationshipTypes, ({ one }) => ({
  relationship: one(relationships, { fields: [relationshipTypes.relationshipId], references: [relationships.id] }),
}));

export const roleGrantsRelations = relations(roleGrants, ({ one }) => ({
  relationship: one(relationships, { fields: [roleGrants.relationshipId], references: [relationships.id] }),
}));

export type Organization = typeof organizations.$inferSelect;
export type NewOrganization = typeof organizations.$inferInsert;
export type OrganizationDomain = typeof organizationDomains.$inferSelect;
export type User = typeof users.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type PartnerProfile = typeof partnerProfiles.$inferSelect;
export type NewPartnerProfile = typeof partnerProfiles.$inferInsert;
export type ContactRequest = typeof contactRequests.$inferSelect;
export type ContactRequestRecipient = typeof contactRequestRecipients.$inferSelect;
export type Agreement = typeof agreements.$inferSelect;
export type AgreementAcceptance = typeof agreementAcceptances.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
export type Relationship = typeof relationships.$inferSelect;
export type RelationshipTypeRow = typeof relationshipTypes.$inferSelect;
export type RoleGrant = typeof roleGrants.$inferSelect;
export type ChangeRequest = typeof changeRequests.$inferSelect;
export type RoleTemplate = typeof roleTemplates.$inferSelect;
export type ChangeRequestStatus = (typeof changeRequestStatus.enumValues)[number];
export type RelationshipVersion = typeof relationshipVersions.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type OutboxEmail = typeof emailOutbox.$inferSelect;
export type RelationshipType = (typeof relationshipType.enumValues)[number];
export type InvitationStatus = (typeof invitationStatus.enumValues)[number];
export type ContactRecipientStatus = (typeof contactRecipientStatus.enumValues)[number];
