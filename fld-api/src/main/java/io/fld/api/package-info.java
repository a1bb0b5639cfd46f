/** Types shared by every part of the SPI, such as the exception for correctable input errors. */
package io.fld.api;
