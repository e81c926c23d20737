/** Scoring of each rating scale: items, answer ranges, totals, bands, skip logic and risk flags. */
@NullMarked
package org.ketamineclinic.assessment.scales;

import org.jspecify.annotations.NullMarked;
