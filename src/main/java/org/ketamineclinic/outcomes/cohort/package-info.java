/**
 * Cohort analytics: the outcomes read model, the listeners that fill it, and the summary, cohort,
 * CSV and dashboard built on it.
 */
@NullMarked
package org.ketamineclinic.outcomes.cohort;

import org.jspecify.annotations.NullMarked;
