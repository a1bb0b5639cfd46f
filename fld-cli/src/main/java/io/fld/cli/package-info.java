package io.fld.cli;
