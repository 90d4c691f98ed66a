import { eq } from 'drizzle-orm';
import { slidersSchema, type Sliders } from '../../shared/schemas/sliders.schema';
import type { Db } from '../db/client';
import { userPreferences } from '../db/schema';

export class PreferencesRepository {
  constructor(
    private readonly db: Db,
    private readonly clock: () => number,
  ) {}

  /** Null when nothing is saved, or when what is saved no longer fits the slider schema. */
  sliders(userId: string): Sliders | null {
    const row = this.db.select().from(userPreferences).where(eq(userPreferences.userId, userId)).get();
    const parsed = slidersSchema.safeParse(row?.sliders);
    return parsed.success ? parsed.data : null;
  }

  saveSliders(userId: string, sliders: Sliders): Sliders {
    const updatedAt = this.clock();
    this.db
      .insert(userPreferences)
      .values({ userId, sliders, updatedAt })
      .onConflictDoUpdate({ target: userPreferences.userId, set: { sliders, updatedAt } })
      .run();
    return sliders;
  }
}
