/**
 * The plugin entry type. A third party extends the tool by implementing {@link
 * io.fld.api.plugin.FldPlugin} in a separately built jar and dropping it into a plugin folder.
 */
package io.fld.api.plugin;
