/** Reported by /api/health; bumped with releases. */
export const version = '0.1.0';
