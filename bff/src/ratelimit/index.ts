export { createRateLimiter, clientIp, rateLimited, type RateLimiter, type RatePolicy } from './limiter';
