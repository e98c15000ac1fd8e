import { createDb, type GlossDB } from '../../utils/db';

let db: GlossDB | null = null;

/** The popup's read handle on the database (writes go through the background). */
export function popupDb(): GlossDB {
  db ??= createDb();
  return db;
}
