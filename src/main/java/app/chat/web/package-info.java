/**
 * The browser client: static files under src/main/webapp, and the settings it reads at start
 * (GET /api/config). Uses only the platform.
 */
package app.chat.web;
