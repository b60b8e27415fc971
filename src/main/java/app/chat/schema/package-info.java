/**
 * The database schema: versioned Flyway migrations, run before the platform hands out its datasource.
 * Depends on nothing of the chat; only the platform uses it.
 */
package app.chat.schema;
