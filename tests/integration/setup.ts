// Integration tests run on an in-memory PGlite, or on a real Postgres server when
// TEST_DATABASE_URL is set; the app's own getDb() then opens that database.
if (process.env.TEST_DATABASE_URL) {
  process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = "memory://";
}
delete process.env.RESEND_API_KEY;
// Each file may override these with vi.stubEnv; the defaults match a local run.
process.env.AUTH_URL ??= "http://localhost:3000";
