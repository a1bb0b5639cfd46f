/**
 * An example third-party plugin: a sample source for folders of CSV files, an extractor that passes
 * the numbers through unchanged, and a toy metric. It depends on the API module only and declares
 * {@link io.fld.example.ExamplePlugin} both in {@code module-info.java} and in {@code
 * META-INF/services}, so that it loads from a plugin folder as a modular or a plain jar.
 */
package io.fld.example;
