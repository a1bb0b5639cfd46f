/**
 * Helpers shared by the companion metrics: input checks with actionable messages, seeded row
 * sampling, and assembly of results with their provenance. Not exported.
 */
package io.fld.metrics.support;
