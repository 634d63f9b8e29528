import { z } from 'zod';

const uuid = z.uuid();

/** Route ids that are not UUIDs can never match a row: the page answers not-found. */
export function patientIdParam(params: { patientId?: string }): string | null {
  const parsed = uuid.safeParse(params.patientId);
  return parsed.success ? parsed.data : null;
}

export function idParam(value: string | undefined): string | null {
  const parsed = uuid.safeParse(value);
  return parsed.success ? parsed.data : null;
}
