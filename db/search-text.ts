import { type SQL, sql } from 'drizzle-orm';

/**
 * Text as search compares it: accents dropped, apostrophes of every style dropped, lower case.
 * "O’Connor", "O'Connor" and "OConnor" all read "oconnor"; "Zoë Ñúñez" reads "zoe nunez".
 *
 * Written with translate() and lower() over a fixed map rather than `unaccent`, which PGlite does
 * not ship: the same immutable expression keeps patients.search_text (a stored generated column)
 * and normalises what is typed, so both sides always agree, on PGlite and on PostgreSQL. Accented
 * capitals map straight to plain lower case, as lower() leaves non-ASCII letters alone under the
 * C locale PGlite runs with.
 */
const ACCENTED =
  'ÀÁÂÃÄÅĀĂĄàáâãäåāăąÇĆČçćčĎĐďđÈÉÊËĒĖĘĚèéêëēėęěÌÍÎÏĪĮİìíîïīįıÑŃŇñńňÒÓÔÕÖØŌŐòóôõöøōőŘřŚŠŞśšşŤťÙÚÛÜŪŮŰŲùúûüūůűųÝŸýÿŹŻŽźżžŁł';
const PLAIN =
  'aaaaaaaaaaaaaaaaaaccccccddddeeeeeeeeeeeeeeeeiiiiiiiiiiiiiinnnnnnoooooooooooooooorrssssssttuuuuuuuuuuuuuuuuyyyyzzzzzzll';
/** Typed and typographic apostrophes: beyond the end of PLAIN, so translate() removes them. */
const APOSTROPHES = "'’‘ʼʻ`´′";

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

export const SEARCH_FROM = ACCENTED + APOSTROPHES;
export const SEARCH_TO = PLAIN;

/** The search form of a text expression, as SQL. */
export function searchTextSql(value: SQL): SQL {
  return sql`lower(translate(${value}, ${sql.raw(literal(SEARCH_FROM))}, ${sql.raw(literal(SEARCH_TO))}))`;
}
