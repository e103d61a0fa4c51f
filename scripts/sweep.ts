import { closeDb, getConnection } from "@/db/client";
import { migrateDatabase } from "@/db/migrator";
import { deliverPendingEmails } from "@/lib/email/deliver";
import { runSweep } from "@/lib/jobs/sweep";

const connection = await getConnection();
await migrateDatabase(connection);
const report = await runSweep(connection.db);
await deliverPendingEmails({ db: connection.db });
console.log(JSON.stringify(report));
await closeDb();
