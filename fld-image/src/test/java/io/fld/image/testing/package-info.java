/** Test helpers: golden array reading. */
package io.fld.image.testing;
