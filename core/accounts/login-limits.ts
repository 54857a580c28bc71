/**
 * Sign-in rate limits, counted in the `login_attempts` table so every app node sees the same
 * counts. Per account: slows guessing one password; per IP: slows spraying many accounts.
 */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 10;
export const MAX_FAILURES_PER_IP = 50;
