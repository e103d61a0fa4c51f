export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // The build never opens the database; only a running server does.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startServer } = await import("./lib/server-start");
  try {
    await startServer();
  } catch (error) {
    // Next.js would log this and serve on without its database; `npm start` stops instead.
    if (process.env.PARTNERSHIPS_EXIT_ON_START_FAILURE === "1") {
      console.error("[start] the server could not start:", error);
      process.exit(1);
    }
    throw error;
  }
}
