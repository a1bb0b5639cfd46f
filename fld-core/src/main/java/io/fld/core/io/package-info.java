/**
 * Feature files: reading and writing feature matrices as numpy {@code .npy} and {@code .npz} files
 * and as {@code .safetensors} files, so that features move between this library and Python without
 * conversion scripts. {@link io.fld.core.io.FeatureFiles} is the entry point; the format follows
 * the file extension.
 */
package io.fld.core.io;
