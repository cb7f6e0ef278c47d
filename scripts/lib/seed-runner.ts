import { seedDatabase } from "../../prisma/seed";
import { createScriptPrismaClient } from "./prisma-client";

/** Seeds the database at `databaseUrl` with the demo salon and prints the demo logins. */
export async function runSeed(databaseUrl: string, options: { force?: boolean } = {}): Promise<void> {
  if (process.env.NODE_ENV === "production" && !options.force) {
    throw new Error("Refusing to seed demo data with NODE_ENV=production; pass --force if you really mean it.");
  }
  const demoPassword = process.env.SEED_DEMO_PASSWORD || "demo-password";
  const prisma = createScriptPrismaClient(databaseUrl);
  try {
    const summary = await seedDatabase(prisma, { demoPassword });
    console.log(`Seeded the demo salon (${summary.appointmentsCreated} new appointments).`);
    console.log(`Demo logins (password: ${process.env.SEED_DEMO_PASSWORD ? "$SEED_DEMO_PASSWORD" : demoPassword}):`);
    for (const login of summary.logins) console.log(`  ${login.role.padEnd(10)} ${login.email}`);
  } finally {
    await prisma.$disconnect();
  }
}

/** True when the database has not been seeded yet (no salon settings row). */
export async function needsSeed(databaseUrl: string): Promise<boolean> {
  const prisma = createScriptPrismaClient(databaseUrl);
  try {
    return (await prisma.salonSettings.count()) === 0;
  } finally {
    await prisma.$disconnect();
  }
}
