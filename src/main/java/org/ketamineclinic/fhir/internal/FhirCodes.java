package org.ketamineclinic.fhir.internal;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Code systems, codes and US Core 6.1.0 profiles shared by the clinical resource providers, in one
 * place so the same LOINC code is never spelled two ways (clinical reference section 10).
 */
final class FhirCodes {

	static final String LOINC = "http://loinc.org";
	static final String UCUM = "http://unitsofmeasure.org";
	static final String SNOMED = "http://snomed.info/sct";
	static final String ICD10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
	static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
	static final String CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
	static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
	static final String CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
	static final String DATA_ABSENT_REASON = "http://terminology.hl7.org/CodeSystem/data-absent-reason";

	/**
	 * The project's own code system for rating scales that have no LOINC code (clinical reference
	 * section 4: MADRS, PCL-5, QIDS-SR16, C-SSRS screener, CADSS, MOAA/S, Aldrete, BPRS). The codes
	 * are the API's instrument codes (e.g. {@code MADRS}); a total is coded {@code <instrument>-total}.
	 */
	static final String RATING_SCALE_SYSTEM = "https://ketamineclinic.org/fhir/CodeSystem/rating-scale";

	/** Canonical base of the project's questionnaires for scales without a LOINC panel form. */
	static final String QUESTIONNAIRE_BASE = "https://ketamineclinic.org/fhir/Questionnaire/";

	/** LOINC publishes its panels as FHIR Questionnaires under this canonical base. */
	static final String LOINC_QUESTIONNAIRE_BASE = "http://loinc.org/q/";

	static final String VITAL_SIGNS = "vital-signs";
	static final String SURVEY = "survey";

	static final String BLOOD_PRESSURE = "85354-9";
	static final String SYSTOLIC = "8480-6";
	static final String DIASTOLIC = "8462-4";
	static final String HEART_RATE = "8867-4";
	static final String PULSE_OXIMETRY = "59408-5";
	static final String OXYGEN_SATURATION = "2708-6";
	static final String RESPIRATORY_RATE = "9279-1";
	static final String BODY_WEIGHT = "29463-7";
	static final String BODY_HEIGHT = "8302-2";
	static final String BMI = "39156-5";

	private static final String US_CORE = "http://hl7.org/fhir/us/core/StructureDefinition/";
	static final String PROFILE_BLOOD_PRESSURE = US_CORE + "us-core-blood-pressure";
	static final String PROFILE_HEART_RATE = US_CORE + "us-core-heart-rate";
	static final String PROFILE_PULSE_OXIMETRY = US_CORE + "us-core-pulse-oximetry";
	static final String PROFILE_RESPIRATORY_RATE = US_CORE + "us-core-respiratory-rate";
	static final String PROFILE_BODY_WEIGHT = US_CORE + "us-core-body-weight";
	static final String PROFILE_BODY_HEIGHT = US_CORE + "us-core-body-height";
	static final String PROFILE_BMI = US_CORE + "us-core-bmi";
	static final String PROFILE_SCREENING_ASSESSMENT = US_CORE + "us-core-observation-screening-assessment";
	static final String PROFILE_QUESTIONNAIRE_RESPONSE = US_CORE + "us-core-questionnaireresponse";
	static final String PROFILE_CONDITION = US_CORE + "us-core-condition-problems-health-concerns";

	/** A rating scale's LOINC panel (the questionnaire) and total score code, where clinical reference section 4 confirms one. */
	record ScaleCodes(String title, @Nullable String panelLoinc, @Nullable String totalLoinc) {
	}

	private static final Map<String, ScaleCodes> SCALES = Map.of(
			"PHQ9", new ScaleCodes("PHQ-9 total score", "44249-1", "44261-6"),
			"GAD7", new ScaleCodes("GAD-7 total score", "69737-5", "70274-6"),
			"PCL5", new ScaleCodes("PCL-5 total score", null, null),
			"QIDS_SR16", new ScaleCodes("QIDS-SR16 total score", null, null),
			"MADRS", new ScaleCodes("MADRS total score", null, null),
			"CSSRS_SCREENER", new ScaleCodes("C-SSRS screener risk level", null, null),
			"CADSS", new ScaleCodes("CADSS total score", null, null),
			"MOAAS", new ScaleCodes("MOAA/S score", null, null),
			"ALDRETE", new ScaleCodes("Modified Aldrete score", null, null),
			"BPRS_POSITIVE", new ScaleCodes("BPRS positive subscale total", null, null));

	static ScaleCodes scale(String instrument) {
		return SCALES.getOrDefault(instrument, new ScaleCodes(instrument + " score", null, null));
	}

	/**
	 * The LOINC answer list shared by PHQ-9 and GAD-7 items (LL358-3): answer value 0..3 in order.
	 */
	static final String[][] FREQUENCY_ANSWERS = { { "LA6568-5", "Not at all" }, { "LA6569-3", "Several days" },
			{ "LA6570-1", "More than half the days" }, { "LA6571-9", "Nearly every day" } };

	private FhirCodes() {
	}
}
