/**
 * Plasma-concentration simulator (clinical-reference.md section 9): linear compartment models solved
 * exactly for piecewise-constant inputs with a matrix exponential; no step-wise integration.
 */
@NullMarked
package org.ketamineclinic.protocol.pk;

import org.jspecify.annotations.NullMarked;
