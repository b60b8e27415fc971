/**
 * What every feature stands on: the JAX-RS application, HTTP security, the datasource, JSON,
 * error responses and database health. Depends on no feature; migrates the database ({@code schema})
 * before the datasource hands out a connection.
 */
package app.chat.platform;
