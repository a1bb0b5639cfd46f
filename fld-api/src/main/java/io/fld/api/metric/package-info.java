/**
 * Metrics and their providers.
 *
 * <p>To add a metric, implement {@link io.fld.api.metric.MetricProvider}, return it from {@link
 * io.fld.api.plugin.FldPlugin#metrics()}, and give every random draw a generator seeded from {@link
 * io.fld.api.metric.MetricOptions#seed()}. The abstract conformance tests in the core test jar
 * check naming, determinism and provenance.
 */
package io.fld.api.metric;
