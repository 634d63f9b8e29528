// npm run create-admin — the first clinic and its admin on a fresh installation.
//   npm run create-admin -- --clinic "Harbour Physio" --timezone Europe/London \
//     --name "Dana Whitfield" --email dana@example.com --password '...'
// Anything not given as a flag is asked for (the password without echo).
import crypto from 'node:crypto';
import readline from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { closeDb, dbHandle } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { clinics, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { discipline, email, newPassword, personName } from '@/lib/validation/account';
import { clinicSchema, slugify } from '@/lib/validation/clinic';
import { messageForOperator } from '@/lib/safe-error';

const { values } = parseArgs({
  options: {
    clinic: { type: 'string' },
    timezone: { type: 'string' },
    name: { type: 'string' },
    email: { type: 'string' },
    password: { type: 'string' },
    discipline: { type: 'string' },
  },
});

async function ask(rl: readline.Interface | null, label: string, fallback?: string): Promise<string> {
  if (!rl) throw new Error(`Missing --${label} (no terminal to ask on).`);
  const answer = await rl.question(`${label}${fallback ? ` [${fallback}]` : ''}: `);
  return answer.trim() || fallback || '';
}

async function askHidden(label: string): Promise<string> {
  const stdin = process.stdin;
  process.stdout.write(`${label}: `);
  return new Promise((resolve) => {
    let value = '';
    stdin.setRawMode?.(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const onData = (ch: string) => {
      if (ch === '\r' || ch === '\n' || ch === '\u0004') {
        stdin.setRawMode?.(false);
        stdin.pause();
        stdin.off('data', onData);
        process.stdout.write('\n');
        resolve(value);
      } else if (ch === '\u0003') {
        process.exit(130);
      } else if (ch === '\u007f') {
        value = value.slice(0, -1);
      } else {
        value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

const input = z.object({
  clinic: clinicSchema.shape.name,
  timezone: clinicSchema.shape.timezone,
  name: personName,
  email,
  password: newPassword,
  discipline,
});

const interactive = process.stdin.isTTY;
const rl = interactive ? readline.createInterface({ input: process.stdin, output: process.stdout }) : null;
try {
  const raw = {
    clinic: values.clinic ?? (await ask(rl, 'clinic')),
    // The machine's own zone is only the suggested answer; the admin confirms or types another.
    timezone:
      values.timezone ??
      // eslint-disable-next-line no-restricted-syntax -- reads the zone's name, formats nothing
      (rl ? await ask(rl, 'timezone', Intl.DateTimeFormat().resolvedOptions().timeZone) : 'UTC'),
    name: values.name ?? (await ask(rl, 'name')),
    email: values.email ?? (await ask(rl, 'email')),
    discipline: values.discipline ?? 'other',
    password: values.password ?? '',
  };
  rl?.close();
  if (!raw.password) {
    if (!interactive) throw new Error('Missing --password (no terminal to ask on).');
    raw.password = await askHidden('password (at least 12 characters)');
  }
  const parsed = input.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`  --${issue.path.join('.')}: ${issue.message}`);
    process.exitCode = 1;
  } else {
    const handle = dbHandle();
    await migrateDatabase(handle);
    const data = parsed.data;
    const passwordHash = await hashPassword(data.password);
    const result = await handle.db.transaction(async (tx) => {
      const slug = `${slugify(data.clinic)}-${crypto.randomBytes(3).toString('hex')}`;
      const [clinic] = await tx
        .insert(clinics)
        .values({ name: data.clinic, slug, timezone: data.timezone })
        .returning({ id: clinics.id });
      if (!clinic) throw new Error('Could not create the clinic.');
      const [admin] = await tx
        .insert(users)
        .values({
          clinicId: clinic.id,
          name: data.name,
          email: data.email,
          role: 'admin',
          discipline: data.discipline,
          passwordHash,
        })
        .onConflictDoNothing({ target: users.email })
        .returning({ id: users.id });
      if (!admin) throw new Error(`Someone already signs in as ${data.email}; nothing was created.`);
      return { clinicId: clinic.id };
    });
    console.log(`Created clinic "${data.clinic}" (${result.clinicId}) with admin ${data.email}. Sign in at /login.`);
  }
} catch (error) {
  console.error(messageForOperator(error));
  process.exitCode = 1;
} finally {
  rl?.close();
  await closeDb();
}
