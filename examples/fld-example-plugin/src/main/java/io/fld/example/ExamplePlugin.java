package io.fld.example;

import io.fld.api.plugin.FldPlugin;

/** A plugin built apart from the tool. */
public final class ExamplePlugin implements FldPlugin {}
