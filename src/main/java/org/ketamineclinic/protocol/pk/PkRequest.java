package org.ketamineclinic.protocol.pk;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/pk/simulate} as sent: codes stay text and numbers may be missing, so that
 * {@link PkSimulator} can name every rejected field.
 */
public record PkRequest(@Nullable String model, @Nullable Double weightKg, @Nullable Double ageYears, @Nullable String ancestry,
		@Nullable List<@Nullable Dose> regimen, @Nullable Double untilMinute, @Nullable Double stepMinutes) {

	/**
	 * One regimen entry: {@code IV_INFUSION} uses doseMg, startMinute, durationMinutes; {@code IM}
	 * uses doseMg, atMinute; {@code INTRANASAL} uses devices (28 mg each, 5 minutes apart), atMinute.
	 */
	public record Dose(@Nullable String route, @Nullable Double doseMg, @Nullable Double startMinute,
			@Nullable Double durationMinutes, @Nullable Double atMinute, @Nullable Integer devices) {

		public static Dose infusion(double doseMg, double startMinute, double durationMinutes) {
			return new Dose("IV_INFUSION", doseMg, startMinute, durationMinutes, null, null);
		}

		public static Dose im(double doseMg, double atMinute) {
			return new Dose("IM", doseMg, null, null, atMinute, null);
		}

		public static Dose intranasal(int devices, double atMinute) {
			return new Dose("INTRANASAL", null, null, null, atMinute, devices);
		}
	}
}
