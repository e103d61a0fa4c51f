export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // The build never opens the database; only a running server does.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startServerOrStop } = await import("./lib/server-start");
  await startServerOrStop();
}
