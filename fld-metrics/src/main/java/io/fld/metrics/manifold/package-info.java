/**
 * Precision and recall of a generative model from k-nearest-neighbour manifolds. Each real or
 * generated row carries a ball that reaches its k-th nearest row of the same set. A row of the
 * other set counts when it lies strictly inside at least one ball.
 */
package io.fld.metrics.manifold;
