/**
 * Feature Likelihood Divergence (FLD) and the per-sample scores built on the same mixtures.
 *
 * <p>FLD standardizes all sets by the test set, centers one isotropic Gaussian at every generated
 * sample, fits the variances to the training set by Adam, and compares the negative log-likelihood
 * (NLL) per dimension of held-out data with a baseline mixture centered at training samples. The
 * metrics are {@code fld} (test NLL), {@code fld_train}, {@code fld_gap} (train NLL minus test NLL,
 * no baseline) and {@code fld_p} (generated samples scored under a mixture at the test set). Get
 * their providers from {@link io.fld.metrics.fld.FldMetrics#providers()}, and the per-sample
 * memorization and quality scores from {@link io.fld.metrics.fld.SampleScores}.
 *
 * <p>Memory stays bounded for large training sets: the fit keeps the full training-to-center
 * distance matrix only when it fits the {@code distance-cache-mib} option, otherwise each training
 * row's {@code neighbors} nearest centers; scoring streams blocks of rows against all centers.
 */
package io.fld.metrics.fld;
