/**
 * Precision and recall of a generative model from k-nearest-neighbour manifolds: each real or
 * generated row carries a ball reaching its k-th nearest row of the same set, and a row of the
 * other set counts when it lies strictly inside at least one ball.
 */
package io.fld.metrics.manifold;
