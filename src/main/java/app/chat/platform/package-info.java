/**
 * What every feature stands on: the JAX-RS application, HTTP security, the datasource, JSON,
 * error responses and database health. Depends on no feature.
 */
package app.chat.platform;
