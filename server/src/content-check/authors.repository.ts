import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';
import { User } from '../users/user.entity.js';

/**
 * The author's WeChat openid, which msg_sec_check asks under. A repository of its own, so that any module may
 * check texts without importing the users module, which itself checks nicknames.
 */
@Injectable()
export class AuthorsRepository {
  constructor(private readonly db: Database) {}

  async openidOf(userId: number): Promise<string | null> {
    const user = await this.db.run((em) => em.findOne(User, { select: { id: true, openid: true }, where: { id: userId } }));
    return user?.openid ?? null;
  }
}
