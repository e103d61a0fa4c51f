import { sql, type SQL } from "drizzle-orm";
import { listingPredicate } from "@/db/schema";
import type { CandidatePlan } from "./plan";
import { MAX_RESULTS, PAGE_SIZE, quoteLexeme } from "./query";

/** Pages of keyword results whose statements stay prepared (see `named` below). */
const NAMED_PAGES = 5;

export interface SearchShape {
  /** The keywords as tsquery text (keywordTsQuery); null without keywords. */
  keywords: string | null;
  /** The filter lexemes (filterLexemes). */
  filters: string[];
  plan: CandidatePlan;
  page: number;
}

export interface SearchStatement {
  /** The page of results with the count in each row; null past the cap, where there is nothing to show. */
  results: SQL | null;
  /** The count alone, for a page past the end, which has no rows to carry it. */
  count: SQL;
  /** Whether `results` runs as a named prepared statement. */
  named: boolean;
}

/**
 * The statements of one search. Their text depends only on the search's shape (its words are
 * parameters), so the page runs as a named statement that Postgres parses once per connection and
 * can plan once: the shape already decides how candidates are found. The limits are numbers in the
 * text, so that such a plan fits every search of its shape.
 */
export function searchStatement({ keywords, filters, plan, page }: SearchShape): SearchStatement {
  const parts = [keywords, ...filters.map(quoteLexeme)].filter((part): part is string => Boolean(part));
  const tsquery = parts.join(" & ");
  const match = (text: string) => sql`s.document @@ ${text}::tsquery`;
  let where = sql``;
  if (plan.kind === "bitmap") {
    where = sql`where ${match(tsquery)}`;
  } else if (plan.kind === "planner") {
    // Each filter apart, so that Postgres can prove a partial listing index applies.
    where = sql`where ${sql.join(parts.map(match), sql` and `)}`;
  } else if (tsquery) {
    // The walk: the clause of its partial index written as the index's predicate reads (a constant, so
    // that a statement's reused plan still uses it), the rest as a function call, which no index
    // serves, so that Postgres walks rather than reading matches from GIN.
    const rest = parts.filter((part) => !plan.via || part !== quoteLexeme(plan.via)).join(" & ");
    const clauses = [plan.via && sql`s.document @@ ${sql.raw(listingPredicate(plan.via))}`, rest && sql`ts_match_vq(s.document, ${rest}::tsquery)`].filter(
      (clause): clause is SQL => Boolean(clause),
    );
    where = sql`where ${sql.join(clauses, sql` and `)}`;
  }
  // With keywords the offset only pages through the ranked candidates and is a parameter; without,
  // it decides how far the listing is read, so it is a number in the text (a validated integer).
  const CANDIDATES = sql.raw(String(MAX_RESULTS + 1));
  const PAGE = sql.raw(String(PAGE_SIZE));
  const skipped = (page - 1) * PAGE_SIZE;
  const offset = keywords ? sql`${skipped}` : sql.raw(String(skipped));
  // `rating_tenths + 0` sorts the same but is not a listing index's order, so Postgres reads the
  // matches from the GIN index instead of walking a listing.
  const listingOrder =
    plan.kind === "bitmap" ? sql`(s.rating_tenths + 0) desc nulls last, s.name, s.profile_id` : sql`s.rating_tenths desc nulls last, s.name, s.profile_id`;
  const countMatches =
    tsquery && plan.kind === "walk"
      ? sql`select count(*)::int from (select 1 from partner_search s ${where} order by ${listingOrder} limit ${CANDIDATES}) m`
      : sql`select count(*)::int from (select 1 from partner_search s ${where} limit ${CANDIDATES}) m`;

  // With keywords, the best-rated MAX_RESULTS + 1 matches are the candidates: they are counted
  // (which also says whether there are more) and ranked by relevance. A walk ranks them as it finds
  // them; the bitmap sorts every match first, so it sorts them without their documents and fetches
  // the candidates' documents again by row id to rank them.
  const candidates =
    plan.kind === "bitmap"
      ? sql`select c.profile_id, ts_rank(d.document, ${keywords}::tsquery) as rank, c.rating_tenths, c.name
            from (
              select s.ctid as row_id, s.profile_id, s.rating_tenths, s.name
              from partner_search s
              ${where}
              order by ${listingOrder}
              limit ${CANDIDATES}
            ) c
            join partner_search d on d.ctid = c.row_id`
      : sql`select s.profile_id, ts_rank(s.document, ${keywords}::tsquery) as rank, s.rating_tenths, s.name
            from partner_search s
            ${where}
            order by ${listingOrder}
            limit ${CANDIDATES}`;
  // Without keywords the order is the listing index's own: the page is read straight from it, and
  // counted in the same statement.
  const hits = keywords
    ? sql`select c.profile_id, c.rank, c.rating_tenths, c.name, count(*) over ()::int as found
          from (${candidates}) c
          order by c.rank desc, c.rating_tenths desc nulls last, c.name, c.profile_id
          limit ${PAGE} offset ${offset}`
    : sql`select s.profile_id, 0::real as rank, s.rating_tenths, s.name, (${countMatches}) as found
          from partner_search s
          ${where}
          order by ${listingOrder}
          limit ${PAGE} offset ${offset}`;
  return {
    // Past the cap a listing without keywords could be read further, but nothing is shown there.
    results:
      skipped >= MAX_RESULTS
        ? null
        : sql`select p.id, p.organization_id, p.slug, p.name, p.headline, p.locations, p.sizes_served, p.services,
                p.certifications, p.rating_tenths, p.review_count, hit.found
              from (${hits}) hit
              join partner_profiles p on p.id = hit.profile_id
              order by hit.rank desc, hit.rating_tenths desc nulls last, hit.name, hit.profile_id`,
    count: sql`select (${countMatches}) as n`,
    // Named: keyword searches on their first pages, and first pages without keywords (whose offset is
    // in the text). Deeper pages run unnamed rather than keep a statement each on every connection,
    // and so do searches before the table has statistics (`planner`: only a plan made with the filter
    // values at hand can use a country's listing, and such a plan is not kept).
    named: plan.kind !== "planner" && (keywords ? page <= NAMED_PAGES : page === 1),
  };
}
