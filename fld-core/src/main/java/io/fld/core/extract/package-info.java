/** Feature extraction from sample sources: batching, caching and progress. */
package io.fld.core.extract;
