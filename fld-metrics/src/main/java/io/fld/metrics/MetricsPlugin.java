package io.fld.metrics;

import io.fld.api.plugin.FldPlugin;

/** Contributes the built-in metrics. */
public final class MetricsPlugin implements FldPlugin {}
