/**
 * Abstract JUnit 5 tests that plugin authors extend to check their providers against the SPI's
 * contract: {@link io.fld.core.conformance.MetricConformanceTest}, {@link
 * io.fld.core.conformance.ExtractorConformanceTest} and {@link
 * io.fld.core.conformance.SampleSourceConformanceTest}. They ship in the {@code fld-core} test jar
 * ({@code <type>test-jar</type>}).
 */
package io.fld.core.conformance;
