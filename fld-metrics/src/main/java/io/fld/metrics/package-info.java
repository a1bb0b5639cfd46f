package io.fld.metrics;
