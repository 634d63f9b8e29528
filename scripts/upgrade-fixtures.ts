// npm run db:upgrade-fixtures — for each earlier schema step k, the data the app at that step
// wrote: that commit's own demo seed runs (with today's node_modules) against a fresh PostgreSQL
// database its own code migrates to step k, and a trimmed data-only dump becomes
// db/upgrade-fixtures/00kk.sql, which db/upgrades.test.ts loads before migrating to the latest.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { createThrowawayDatabase } from '@/testing/throwaway';
import { migrationsUpTo, migrationTags } from '@/testing/migration-steps';

const SERVER = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const OUT = path.join(process.cwd(), 'db', 'upgrade-fixtures');
// Enough history for the figures (28-day adherence, 7-day pain) to mean something, small enough
// that all fixtures together stay well under 2 MB.
const LOGS_PER_PATIENT = 6;
const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();

/** The last commit whose schema was step k: the parent of the commit that brought migration k+1. */
function commitAtStep(k: number, tags: string[]): string {
  const next = tags[k + 1];
  if (!next) throw new Error(`no migration after step ${k}`);
  const introduced = git('log', '--format=%H', '--diff-filter=A', '--', `db/migrations/${next}.sql`).split('\n').at(-1);
  return git('rev-parse', `${introduced}^`);
}

function checkout(commit: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `rollcall-at-${commit.slice(0, 7)}-`));
  execFileSync('sh', ['-c', `git archive ${commit} | tar -x -C ${dir}`]);
  fs.symlinkSync(fs.realpathSync(path.join(process.cwd(), 'node_modules')), path.join(dir, 'node_modules'));
  return dir;
}

/** Where the build at a commit kept rosterFigures, which fills the patient_figures cache as the app reads it. */
function figuresModule(dir: string): string | null {
  for (const m of ['lib/adherence/figures.ts', 'lib/figures.ts'])
    if (
      fs.existsSync(path.join(dir, m)) &&
      fs.readFileSync(path.join(dir, m), 'utf8').includes('export async function rosterFigures')
    )
      return `@/${m.replace(/\.ts$/, '')}`;
  return null;
}

/** Reads every clinic's roster figures with that build's own code, so its cache holds what it would after a day's use. */
function fillFigures(dir: string, databaseUrl: string): boolean {
  const figures = figuresModule(dir);
  if (!figures) return false;
  const script = path.join(dir, 'scripts', 'fill-figures-for-fixture.ts');
  fs.writeFileSync(
    script,
    `import { sql } from 'drizzle-orm';\nimport { closeDb, db, rowsOf } from '@/db/client';\nimport { rosterFigures } from '${figures}';\n` +
      `for (const c of rowsOf<{ id: string }>(await db().execute(sql\`select id from clinics\`))) await rosterFigures(c.id);\nawait closeDb();\n`,
  );
  execFileSync('npx', ['tsx', '--conditions=react-server', script], {
    cwd: dir,
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'development', PGLITE_DIR: '' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return true;
}

/**
 * Tables no demo seed writes (the app fills them as people use it) get a few rows made from the
 * seeded ones, shaped as the app at that step wrote them, so every table's upgrade is tested:
 * audit rows naming their patient in detail or as subject (0014 reads both), a hidden exercise,
 * handout prints, progression events.
 */
const SUPPLEMENTS: { table: string; sql: string }[] = [
  {
    table: 'audit_events',
    sql: `insert into audit_events (clinic_id, actor_user_id, action, subject_type, subject_id, detail, created_at)
      select clinic_id, id, 'user.sign_in', 'user', id::text, '{}'::jsonb, now() - interval '2 days' from users`,
  },
  {
    table: 'patients',
    sql: `insert into audit_events (clinic_id, actor_user_id, action, subject_type, subject_id, detail, created_at)
      select p.clinic_id, (select u.id from users u where u.clinic_id = p.clinic_id order by u.email limit 1),
             a.action, a.subject_type, case a.subject_type when 'patient' then p.id::text else gen_random_uuid()::text end,
             case a.subject_type when 'patient' then '{}'::jsonb else jsonb_build_object('patientId', p.id) end,
             p.created_at + interval '1 minute'
        from patients p cross join (values ('patient.create', 'patient'), ('plan.assign', 'plan')) a(action, subject_type)`,
  },
  {
    table: 'hidden_exercises',
    sql: `insert into hidden_exercises (clinic_id, exercise_id)
      select c.id, (select e.id from exercises e where e.clinic_id is null order by e.name limit 1) from clinics c
       where exists (select 1 from exercises e where e.clinic_id is null)`,
  },
  {
    table: 'handout_prints',
    sql: `insert into handout_prints (clinic_id, patient_id, plan_version_id, printed_by, paper, created_at)
      select v.clinic_id, pl.patient_id, v.id, v.author_id, case when v.version % 2 = 0 then 'letter' else 'a4' end, v.created_at
        from plan_versions v join plans pl on pl.id = v.plan_id`,
  },
  {
    table: 'progression_events',
    sql: `insert into progression_events (clinic_id, patient_id, plan_version_id, kind, suggestion, signature, headline, actor_user_id)
      select v.clinic_id, pl.patient_id, v.id, k.kind, 'progress', 'fixture-' || v.id, 'Ready to progress: two weeks of full sessions',
             case k.kind when 'shown' then null else v.author_id end
        from plan_versions v join plans pl on pl.id = v.plan_id and pl.end_date is null
        cross join (values ('shown'), ('dismissed')) k(kind)`,
  },
];

function seedScript(dir: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const script = pkg.scripts['db:seed']?.match(/(scripts\/\S+\.ts)/)?.[1];
  if (!script) throw new Error('this commit has no db:seed script');
  return script;
}

const sha = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

/** pg_dump's output without its session settings (they would empty the loader's search_path) or comments. */
function trimDump(dump: string): string {
  return dump
    .split('\n')
    .filter((line) => line.startsWith('INSERT INTO') || line.startsWith('SELECT pg_catalog.setval'))
    .join('\n');
}

async function fixtureFor(k: number, tags: string[]): Promise<{ commit: string; note: string; bytes: number }> {
  // 0003 and 0004 arrived in one commit, so no build ever ran at step 3: its data is step 2's,
  // carried to step 3 by migration 0003.
  const seededAt = k === 3 ? 2 : k;
  const commit = commitAtStep(seededAt, tags);
  const dir = checkout(commit);
  const database = await createThrowawayDatabase(SERVER, `rollcall_fixture_${k}`);
  try {
    execFileSync('npx', ['tsx', '--conditions=react-server', seedScript(dir), '--demo'], {
      cwd: dir,
      env: { ...process.env, DATABASE_URL: database.url, NODE_ENV: 'development', PGLITE_DIR: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      // The old build migrated with its own files: they must be today's, or the step is not the same schema.
      const applied = (
        await client.query<{ hash: string }>('select hash from drizzle.__drizzle_migrations order by id')
      ).rows;
      const ours = tags.slice(0, seededAt + 1).map((t) => sha(fs.readFileSync(`db/migrations/${t}.sql`, 'utf8')));
      if (applied.length !== ours.length || applied.some((r, i) => r.hash !== ours[i]))
        throw new Error(`commit ${commit} migrated with files that differ from today's 0000..${tags[seededAt]}`);
      if (k !== seededAt) {
        const handle = openDatabase({ databaseUrl: database.url });
        const steps = migrationsUpTo(k);
        try {
          await migrateDatabase(handle, steps.folder);
        } finally {
          steps.remove();
          await handle.close();
        }
      }
      // Deleting through the figures triggers (from step 4) keeps the stored figures consistent.
      const hasLogs = (await client.query("select to_regclass('public.session_logs') as t")).rows[0].t;
      if (hasLogs)
        await client.query(
          `delete from session_logs where id in (select id from (select id, row_number() over
             (partition by patient_id order by performed_at desc, id) as n from session_logs) s where n > $1)`,
          [LOGS_PER_PATIENT],
        );
      await client.query('delete from rate_limits');
      for (const { table, sql } of SUPPLEMENTS)
        if ((await client.query('select to_regclass($1) as t', [`public.${table}`])).rows[0].t) await client.query(sql);
    } finally {
      await client.end();
    }
    const figures = k === seededAt && fillFigures(dir, database.url);
    const dump = execFileSync(
      'pg_dump',
      [
        '--data-only',
        '--inserts',
        '--column-inserts',
        '--schema=public',
        '--no-owner',
        '--no-privileges',
        database.url,
      ],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const subject = git('show', '-s', '--format=%h %s', commit).slice(0, 110);
    const note = k === seededAt ? '' : ` (no build ran at step ${k}: step ${seededAt}'s data, migrated to ${k})`;
    const body =
      `-- Data at step ${k} (${tags[k]}) as written by the demo seed of\n-- ${subject}${note}\n` +
      `-- Generated by npm run db:upgrade-fixtures (rows of tables no seed writes added by its SUPPLEMENTS); load with triggers off (session_replication_role = replica).\n` +
      trimDump(dump) +
      '\n';
    fs.writeFileSync(path.join(OUT, `${String(k).padStart(4, '0')}.sql`), body);
    return { commit, note: note + (figures ? ', figures read' : ''), bytes: Buffer.byteLength(body) };
  } finally {
    await database.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const tags = migrationTags();
const only = process.argv.slice(2).map(Number).filter(Number.isInteger);
const steps = only.length ? only : tags.slice(0, -1).map((_, k) => k);
fs.mkdirSync(OUT, { recursive: true });
let failed = 0;
for (const k of steps) {
  const started = Date.now();
  try {
    const { commit, note, bytes } = await fixtureFor(k, tags);
    console.log(`step ${k} ${tags[k]}: ${commit.slice(0, 7)}${note}, ${bytes} bytes, ${Date.now() - started} ms`);
  } catch (error) {
    failed++;
    console.error(`step ${k} ${tags[k]}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
process.exitCode = failed ? 1 : 0;
