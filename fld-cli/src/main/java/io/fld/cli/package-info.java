/**
 * The {@code fld} command: {@code evaluate}, {@code scores}, {@code extract} and {@code list},
 * built with picocli on the core services. {@link io.fld.cli.Main#run} runs a command line without
 * exiting the JVM.
 */
package io.fld.cli;
