package org.ketamineclinic.patient;

import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.UUID;

import org.ketamineclinic.patient.PatientRegistry.PatientSummary;

/** What the patient banner on top of every chart page shows (fragments/chart-banner.html). */
public record ChartBanner(UUID id, String name, String mrn, LocalDate birthDate, int ageYears, String sexAtBirth, boolean voided) {

	public static ChartBanner of(PatientSummary p, LocalDate today) {
		String sex = p.sexAtBirth().name();
		return new ChartBanner(p.id(), p.familyName() + ", " + p.givenName(), p.mrn(), p.birthDate(),
				Period.between(p.birthDate(), today).getYears(),
				sex.charAt(0) + sex.substring(1).toLowerCase(Locale.ROOT).replace('_', ' '), p.voided());
	}
}
