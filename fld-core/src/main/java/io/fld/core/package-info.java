/**
 * The Java entry point of FLD for the JVM: {@link io.fld.core.Fld} reads feature files and creates
 * metrics by id.
 */
package io.fld.core;
