/**
 * The renderer's Content-Security-Policy, shared by both hosts (the app:// protocol in
 * Electron and the browser host's HTTP server) so the page runs under the same rules in each.
 * Nothing may load from anywhere but the app itself.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
