/**
 * Image sample sources: folders, zip archives, arrays and images in memory, and generator
 * callbacks, with a fast pre-scan that lists unreadable files before extraction starts.
 */
package io.fld.image.source;
