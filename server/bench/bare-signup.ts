import { randomBytes } from 'node:crypto';
import type { Pool } from 'mysql2/promise';

/**
 * The writes the server makes for one sign-up, through bare mysql2: one conditional UPDATE of the counters, the
 * sign-up row and the inbox row, in one transaction. The floors of the sign-up rush run exactly this.
 */
export async function bareSignup(pool: Pool, activityId: number, userId: number): Promise<boolean> {
  const conn = await pool.getConnection();
  try {
    await conn.beginTransaction();
    const [update] = await conn.execute(
      "UPDATE `activity` SET `seatsTaken` = `seatsTaken` + 1 WHERE `id` = ? AND `status` = 'published' AND `seatsTaken` + 1 <= `seats`",
      [activityId],
    );
    if ((update as { affectedRows: number }).affectedRows !== 1) {
      await conn.rollback();
      return false;
    }
    const now = new Date();
    await conn.execute(
      "INSERT INTO `signup` (`activityId`, `userId`, `role`, `status`, `active`, `size`, `companions`, `answers`, `checkinCode`, `createdAt`) VALUES (?, ?, 'participant', 'confirmed', 1, 1, '[]', '{}', ?, ?)",
      [activityId, userId, randomBytes(12).toString('base64url'), now],
    );
    await conn.execute(
      "INSERT INTO `inbox_item` (`userId`, `kind`, `title`, `body`, `activityId`, `createdAt`) VALUES (?, 'signup_confirmed', '报名成功', ?, ?, ?)",
      [userId, '您已报名「老年人智能手机课堂」，请按时参加。', activityId, now],
    );
    await conn.commit();
    return true;
  } catch (error) {
    await conn.rollback();
    throw error;
  } finally {
    conn.release();
  }
}
