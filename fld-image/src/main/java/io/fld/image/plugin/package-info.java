/** The plugin entry of the image module. */
package io.fld.image.plugin;
