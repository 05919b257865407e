import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';
import { Upload } from './upload.entity.js';

@Injectable()
export class UploadsRepository {
  constructor(private readonly db: Database) {}

  insert(upload: Omit<Upload, 'id'>): Promise<number> {
    return this.db.run(async (em) => {
      const result = await em.insert(Upload, upload);
      return result.identifiers[0].id as number;
    });
  }

  /** Which of these keys name uploaded images (an article may show only those). */
  async existingKeys(keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await this.db.rawQuery<{ key: string }>(
      `SELECT DISTINCT \`key\` FROM \`upload\` WHERE \`key\` IN (${keys.map(() => '?').join(', ')})`,
      keys,
    );
    return new Set(rows.map((r) => r.key));
  }
}
