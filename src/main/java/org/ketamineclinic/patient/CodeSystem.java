package org.ketamineclinic.patient;

import java.util.regex.Pattern;

/** Where a diagnosis code comes from, and what a well-formed code of that system looks like. */
public enum CodeSystem {

	/** ICD-10-CM: a letter, two characters, then up to four after the dot (F33.2, F32.A). */
	ICD10("http://hl7.org/fhir/sid/icd-10-cm", Pattern.compile("[A-Z][0-9][0-9AB](\\.[0-9A-Z]{1,4})?")),
	/** SNOMED CT concept ids are 6 to 18 digits. */
	SNOMED("http://snomed.info/sct", Pattern.compile("[1-9][0-9]{5,17}"));

	private final String uri;
	private final Pattern format;

	CodeSystem(String uri, Pattern format) {
		this.uri = uri;
		this.format = format;
	}

	public String uri() {
		return uri;
	}

	public boolean accepts(String code) {
		return format.matcher(code).matches();
	}
}
