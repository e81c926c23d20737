package org.ketamineclinic.audit;

import org.jspecify.annotations.Nullable;

/** The outcome of re-computing every audit hash: intact, or where the chain first breaks. */
public record ChainVerification(boolean intact, long entriesChecked, @Nullable Long firstBrokenSeq,
		@Nullable String firstBrokenId, @Nullable String problem) {
}
