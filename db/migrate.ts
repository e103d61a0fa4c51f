import { closeDb, getConnection } from "./client";
import { migrateDatabase } from "./migrator";

const connection = await getConnection();
await migrateDatabase(connection);
console.log(`Migrations applied (${connection.driver}).`);
await closeDb();
